import "server-only";
// Progress per student and unit, from lesson progress rows and graded attempts.
import { db } from "@/server/db";

export type UnitStatus = "not-started" | "in-progress" | "completed" | "passed";
/**
 * `awaiting`: written answers in the unit's attempts still waiting for the instructor; while
 * there are any, `bestFraction` is a floor (each counts 0 until scored).
 */
export type UnitProgress = {
  status: UnitStatus;
  bestFraction: number | null;
  attempts: number;
  awaiting: number;
  /** When the unit was completed (its first graded attempt), for due dates. */
  completedAt: Date | null;
  /** The student's latest sign of work in the unit: opening it, or an attempt. */
  lastActivity: Date | null;
};

export const STATUS_LABELS: Record<UnitStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  completed: "Completed",
  passed: "Passed",
};

/** Pure: combines a progress row and attempt outcomes into one unit status. */
type ProgressRow = { status: string; startedAt?: Date; completedAt?: Date | null };
type AttemptOutcome = { fraction: number; passed: boolean; pendingCount?: number; submittedAt?: Date };

const latest = (dates: (Date | null | undefined)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d.getTime() > max.getTime()) ? d : max), null);

export function unitStatus(row: string | ProgressRow | undefined, attempts: AttemptOutcome[]): UnitProgress {
  const progress = typeof row === "string" ? row : row?.status;
  const detail = typeof row === "object" ? row : undefined;
  const bestFraction = attempts.length ? Math.max(...attempts.map((a) => a.fraction)) : null;
  const status: UnitStatus = attempts.some((a) => a.passed)
    ? "passed"
    : attempts.length > 0 || progress === "completed"
      ? "completed"
      : progress
        ? "in-progress"
        : "not-started";
  return {
    status,
    bestFraction,
    attempts: attempts.length,
    awaiting: attempts.reduce((n, a) => n + (a.pendingCount ?? 0), 0),
    completedAt: detail?.completedAt ?? null,
    lastActivity: latest([detail?.startedAt, detail?.completedAt, ...attempts.map((a) => a.submittedAt)]),
  };
}

/** Progress of several students over all units: studentId → lessonSlug → progress. */
export async function progressFor(userIds: string[]): Promise<Map<string, Map<string, UnitProgress>>> {
  const [rows, attempts] = await Promise.all([
    db.lessonProgress.findMany({ where: { userId: { in: userIds } }, select: { userId: true, lessonSlug: true, status: true, startedAt: true, completedAt: true } }),
    db.quizAttempt.findMany({
      where: { userId: { in: userIds }, kind: { not: "practice" } },
      select: { userId: true, lessonSlug: true, fraction: true, passed: true, pendingCount: true, submittedAt: true },
    }),
  ]);
  const out = new Map<string, Map<string, UnitProgress>>();
  const key = (u: string, l: string) => `${u}\u0000${l}`;
  const progressBy = new Map(rows.map((r) => [key(r.userId, r.lessonSlug), r]));
  const attemptsBy = new Map<string, AttemptOutcome[]>();
  for (const a of attempts) {
    const k = key(a.userId, a.lessonSlug);
    if (!attemptsBy.has(k)) attemptsBy.set(k, []);
    attemptsBy.get(k)!.push(a);
  }
  for (const id of userIds) out.set(id, new Map());
  for (const k of new Set([...progressBy.keys(), ...attemptsBy.keys()])) {
    const [userId, lessonSlug] = k.split("\u0000");
    out.get(userId)?.set(lessonSlug, unitStatus(progressBy.get(k), attemptsBy.get(k) ?? []));
  }
  return out;
}
