import "server-only";
// The statements every quiz submission runs, written as SQL that SQLite and PostgreSQL both
// accept, on the driver under the one Prisma client (server/sql.ts: why, and what it saves;
// docs/benchmarks.md, decision 026). The table and column names here are the database's
// (prisma/schema.prisma: `fraction` is the column "percent", `trustFraction` "trustPercent",
// `doubtFraction` "doubtPercent"); server/quiz/store.test.ts runs these statements against the
// schema on both databases, so a change to those tables that forgets this file fails there.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/server/generated/prisma/client";
import { select, transaction } from "@/server/sql";
import { queueUnitScoreSql } from "@/server/lti/ags-store";

export type AttemptRow = { attemptNumber: number; fraction: number; passed: boolean; submittedAt: Date };

/** A student's attempts at one quiz, in order (the attempt number and status come from these). */
export async function earlierAttempts(userId: string, quizId: string): Promise<AttemptRow[]> {
  // Numbers may come as strings (SQLite's 64-bit integers), booleans as 1/0, times as ISO text.
  const rows = await select<{ attemptNumber: unknown; fraction: unknown; passed: unknown; submittedAt: string | Date }>(Prisma.sql`
    SELECT "attemptNumber", "percent" AS "fraction", "passed", "submittedAt"
    FROM "QuizAttempt" WHERE "userId" = ${userId} AND "quizId" = ${quizId}
    ORDER BY "attemptNumber" ASC`);
  return rows.map((r) => ({ attemptNumber: Number(r.attemptNumber), fraction: Number(r.fraction), passed: Boolean(Number(r.passed)), submittedAt: new Date(r.submittedAt) }));
}

/** A stored answer as the student's result is rebuilt from it (getQuizState, a replayed submission). */
export type StoredAnswer = { questionId: string; response: string; score: number; correct: boolean; pending: boolean; reviewLevel: string | null; reviewComment: string | null; reviewedAt: Date | null };

/** The attempt a student stored under a submission key, if any (a retried or repeated submission). */
export async function attemptByKey(userId: string, submissionKey: string): Promise<{ id: string; quizId: string } | null> {
  const [row] = await select<{ id: string; quizId: string }>(Prisma.sql`
    SELECT "id", "quizId" FROM "QuizAttempt" WHERE "userId" = ${userId} AND "submissionKey" = ${submissionKey}`);
  return row ?? null;
}

/** One stored attempt with its answers, or null. */
export async function attemptWithAnswers(attemptId: string): Promise<(AttemptRow & { answers: StoredAnswer[] }) | null> {
  const [attempt] = await select<{ attemptNumber: unknown; fraction: unknown; passed: unknown; submittedAt: string | Date }>(Prisma.sql`
    SELECT "attemptNumber", "percent" AS "fraction", "passed", "submittedAt" FROM "QuizAttempt" WHERE "id" = ${attemptId}`);
  if (!attempt) return null;
  const answers = await select<{ questionId: string; response: string; score: unknown; correct: unknown; pending: unknown; reviewLevel: string | null; reviewComment: string | null; reviewedAt: string | Date | null }>(Prisma.sql`
    SELECT "questionId", "response", "score", "correct", "pending", "reviewLevel", "reviewComment", "reviewedAt" FROM "Answer" WHERE "attemptId" = ${attemptId}`);
  return {
    attemptNumber: Number(attempt.attemptNumber),
    fraction: Number(attempt.fraction),
    passed: Boolean(Number(attempt.passed)),
    submittedAt: new Date(attempt.submittedAt),
    answers: answers.map((a) => ({
      questionId: a.questionId,
      response: a.response,
      score: Number(a.score),
      correct: Boolean(Number(a.correct)),
      pending: Boolean(Number(a.pending)),
      reviewLevel: a.reviewLevel,
      reviewComment: a.reviewComment,
      reviewedAt: a.reviewedAt === null ? null : new Date(a.reviewedAt),
    })),
  };
}

export type NewAttempt = {
  userId: string;
  lessonSlug: string;
  quizId: string;
  kind: string;
  attemptNumber: number;
  submissionKey: string;
  score: number;
  maxScore: number;
  fraction: number;
  passed: boolean;
  trustFraction: number | null;
  doubtFraction: number | null;
  sensitivity: number | null;
  bias: number | null;
  /** Written answers waiting for an instructor. */
  pendingCount: number;
  startedAt: Date | null;
  submittedAt: Date;
  answers: { questionId: string; questionVersion: string; response: string; score: number; maxScore: number; correct: boolean; pending: boolean; timeMs: number | null }[];
  /** Mark the unit completed (a unit's first graded attempt). */
  completesUnit: boolean;
};

/**
 * Stores an attempt, all its answers and (when it completes the unit) the unit's progress in
 * one transaction. The unique indexes (userId, submissionKey) and (userId, quizId,
 * attemptNumber) refuse a repeat or a race, as before; the progress row is an upsert that
 * cannot collide (ON CONFLICT … DO UPDATE). A unit's graded attempt also queues the unit's
 * score for the LMS (server/lti/ags.ts) when the student opened the unit from an LMS link with
 * a gradebook column: one INSERT … SELECT that inserts nothing, at the cost of an index look-up,
 * for everyone else. Returns how many scores were queued.
 */
export async function storeAttempt(a: NewAttempt): Promise<{ scoresQueued: number }> {
  const attemptId = randomUUID();
  const writes = [
    Prisma.sql`
      INSERT INTO "QuizAttempt" ("id", "userId", "lessonSlug", "quizId", "kind", "attemptNumber", "submissionKey", "score", "maxScore",
        "percent", "passed", "trustPercent", "doubtPercent", "sensitivity", "bias", "pendingCount", "startedAt", "submittedAt")
      VALUES (${attemptId}, ${a.userId}, ${a.lessonSlug}, ${a.quizId}, ${a.kind}, ${a.attemptNumber}, ${a.submissionKey}, ${a.score}, ${a.maxScore},
        ${a.fraction}, ${a.passed}, ${a.trustFraction}, ${a.doubtFraction}, ${a.sensitivity}, ${a.bias}, ${a.pendingCount}, ${a.startedAt}, ${a.submittedAt})`,
  ];
  if (a.answers.length) {
    const rows = a.answers.map(
      (x) => Prisma.sql`(${randomUUID()}, ${attemptId}, ${x.questionId}, ${x.questionVersion}, ${x.response}, ${x.score}, ${x.maxScore}, ${x.correct}, ${x.pending}, ${x.timeMs})`,
    );
    writes.push(Prisma.sql`
      INSERT INTO "Answer" ("id", "attemptId", "questionId", "questionVersion", "response", "score", "maxScore", "correct", "pending", "timeMs")
      VALUES ${Prisma.join(rows)}`);
  }
  if (a.completesUnit) {
    writes.push(Prisma.sql`
      INSERT INTO "LessonProgress" ("id", "userId", "lessonSlug", "status", "startedAt", "completedAt")
      VALUES (${randomUUID()}, ${a.userId}, ${a.lessonSlug}, 'completed', ${a.submittedAt}, ${a.submittedAt})
      ON CONFLICT ("userId", "lessonSlug") DO UPDATE SET "status" = 'completed', "completedAt" = ${a.submittedAt}`);
  }
  if (a.kind === "unit") writes.push(queueUnitScoreSql(a.userId, a.lessonSlug, `attempt:${attemptId}`, a.submittedAt));
  const counts = await transaction(writes);
  return { scoresQueued: a.kind === "unit" ? (counts.at(-1) ?? 0) : 0 };
}
