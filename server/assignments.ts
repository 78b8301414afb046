import "server-only";
// Due dates of a class's units (lib/assignments.ts has the rules), and a student's due dates
// across their classes. Callers check access first (server/access.ts).
import { endOfDay } from "@/lib/assignments";
import { db } from "@/server/db";

export type Assignment = { lessonSlug: string; dueDate: string; timeZone: string; dueAt: Date };

/** The class's due dates, by unit. */
export async function classAssignments(classId: string): Promise<Map<string, Assignment>> {
  const rows = await db.assignment.findMany({ where: { classId }, select: { lessonSlug: true, dueDate: true, timeZone: true, dueAt: true } });
  return new Map(rows.map((r) => [r.lessonSlug, r]));
}

/**
 * Sets the class's due dates in one transaction: a unit with a day gets that due date (in
 * `timeZone`), a unit with "" has none. Days and the zone are checked by the caller.
 */
export async function saveAssignments(classId: string, days: Record<string, string>, timeZone: string): Promise<{ set: number; cleared: number }> {
  const writes = Object.entries(days).map(([lessonSlug, dueDate]) => {
    if (!dueDate) return db.assignment.deleteMany({ where: { classId, lessonSlug } });
    const dueAt = endOfDay(dueDate, timeZone)!;
    return db.assignment.upsert({
      where: { classId_lessonSlug: { classId, lessonSlug } },
      create: { classId, lessonSlug, dueDate, timeZone, dueAt },
      update: { dueDate, timeZone, dueAt },
    });
  });
  await db.$transaction(writes);
  const set = Object.values(days).filter(Boolean).length;
  return { set, cleared: Object.keys(days).length - set };
}

/** A student's due dates, by unit: across their classes, the earliest. */
export async function studentAssignments(userId: string): Promise<Map<string, Assignment>> {
  const rows = await db.assignment.findMany({
    where: { class: { enrollments: { some: { userId } } } },
    orderBy: { dueAt: "asc" },
    select: { lessonSlug: true, dueDate: true, timeZone: true, dueAt: true },
  });
  const out = new Map<string, Assignment>();
  for (const r of rows) if (!out.has(r.lessonSlug)) out.set(r.lessonSlug, r);
  return out;
}
