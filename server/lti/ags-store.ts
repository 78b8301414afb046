import "server-only";
// Grades back to the LMS, the app's side (the sender is ./ags.ts):
//   a launch     keeps the link's line item for the student and the unit it opens
//                (LtiLineItem), when the platform granted the score scope and named one;
//   a score      of a written answer queues the unit's new score (an attempt queues its own in
//                its transaction: server/quiz/store.ts);
//   the class    page shows what was sent, waits or failed, and sends a failed one again.
// What is sent for a unit: its best graded attempt as a percentage (as the progress grid counts
// it), "Completed", and "FullyGraded" — or "PendingManual" while written answers of the unit
// wait for the instructor (their score counts 0 until then). Practice quizzes and the pre- and
// post-assessments send nothing: an assessment measures, it is not a grade.
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { isUniqueViolation } from "@/server/prisma-client";
import type { OwnClass } from "@/server/reports/classes";
import { AGS_SCOPE, type Launch } from "./claims";
import { kickScoreSender, SCORE_MAXIMUM, type ScoreStatus } from "./ags";

/** The kind of attempt that is a unit's grade. */
export const GRADED_KIND = "unit";

/**
 * Keeps (or updates) the line item of this launch's link for the student and the unit it opens.
 * Nothing for instructors, links to no unit, or platforms that offer no score scope or line item.
 */
export async function rememberLineItem(launch: Launch, platformId: string, userId: string, target: string): Promise<void> {
  const unit = /^\/lessons\/([a-z0-9-]{1,100})$/.exec(target)?.[1];
  const ags = launch.ags;
  if (launch.role !== "student" || !unit || !ags?.lineitem || !ags.scope.includes(AGS_SCOPE.score) || !launch.resourceLinkId) return;
  const context = await db.ltiContextLink.findUnique({
    where: { issuer_deploymentId_contextId: { issuer: launch.issuer, deploymentId: launch.deploymentId, contextId: launch.context.id } },
    select: { classId: true },
  });
  if (!context) return;
  const key = { platformId_userId_resourceLinkId: { platformId, userId, resourceLinkId: launch.resourceLinkId } };
  const data = { classId: context.classId, userSub: launch.sub, lessonSlug: unit, lineItemUrl: ags.lineitem, scopes: ags.scope.join(" ") };
  const write = () => db.ltiLineItem.upsert({ where: key, create: { platformId, userId, resourceLinkId: launch.resourceLinkId!, ...data }, update: data, select: { id: true } });
  try {
    await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await write(); // the same link launched in two tabs at once
  }
}

type Tx = Prisma.TransactionClient;

/**
 * The one rule for what is sent for a unit, as a statement for the transaction that changed its
 * score (a new attempt: server/quiz/store.ts; a written answer scored: recordReview): the best
 * graded attempt as a percentage (out of SCORE_MAXIMUM), "Completed", and "PendingManual" while
 * any of the unit's written answers wait, else "FullyGraded" — one outbox row per line item the
 * student has for the unit, keyed `<key>:<line item>`; queuing the same key again does nothing.
 */
export function queueUnitScoreSql(userId: string, lessonSlug: string, key: string, now: Date): Prisma.Sql {
  const OUT_OF = Prisma.raw(SCORE_MAXIMUM.toFixed(1));
  const ofUnit = Prisma.sql`q."userId" = ${userId} AND q."lessonSlug" = ${lessonSlug} AND q."kind" = ${GRADED_KIND}`;
  return Prisma.sql`
    INSERT INTO "LtiScoreOutbox" ("id", "key", "lineItemId", "platformId", "userId", "lineItemUrl", "userSub", "lessonSlug", "scoreGiven", "scoreMaximum",
      "activityProgress", "gradingProgress", "timestamp", "status", "attempts", "nextTryAt", "createdAt")
    SELECT ${`${key}:`} || li."id", ${`${key}:`} || li."id", li."id", li."platformId", li."userId", li."lineItemUrl", li."userSub", li."lessonSlug",
      (SELECT MAX(q."percent") FROM "QuizAttempt" q WHERE ${ofUnit}) * ${OUT_OF}, ${OUT_OF}, 'Completed',
      CASE WHEN EXISTS (SELECT 1 FROM "QuizAttempt" q WHERE ${ofUnit} AND q."pendingCount" > 0) THEN 'PendingManual' ELSE 'FullyGraded' END,
      ${now}, 'pending', 0, ${now}, ${now}
    FROM "LtiLineItem" li
    WHERE li."userId" = ${userId} AND li."lessonSlug" = ${lessonSlug}
      AND EXISTS (SELECT 1 FROM "QuizAttempt" q WHERE ${ofUnit})
    ON CONFLICT ("key") DO NOTHING`;
}

/** queueUnitScoreSql inside a Prisma transaction. Returns how many rows were queued. */
export function queueUnitScore(tx: Tx, userId: string, lessonSlug: string, key: string, now: Date): Promise<number> {
  return tx.$executeRaw(queueUnitScoreSql(userId, lessonSlug, key, now));
}

/** Tells the sender new rows are due (after the transaction that queued them). */
export function scoresQueued(count: number): void {
  if (count > 0) kickScoreSender();
}

export type SentScore = {
  id: string;
  studentId: string;
  studentName: string;
  lessonSlug: string;
  status: ScoreStatus;
  scoreGiven: number;
  gradingProgress: string;
  tries: number;
  lastError: string | null;
  /** When the score was given. */
  timestamp: Date;
  sentAt: Date | null;
  nextTryAt: Date;
};

/** Whether the class was made by an LMS course (its grades can go back there). */
export async function isLmsClass(classId: string): Promise<boolean> {
  return (await db.ltiContextLink.count({ where: { classId } })) > 0;
}

/** For each student of the class and each of their line items, the newest score queued for it. */
export async function classScores(klass: OwnClass): Promise<SentScore[]> {
  const items = await db.ltiLineItem.findMany({
    where: { classId: klass.id },
    select: {
      userId: true,
      lessonSlug: true,
      scores: {
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 1,
        select: { id: true, status: true, scoreGiven: true, gradingProgress: true, attempts: true, lastError: true, timestamp: true, sentAt: true, nextTryAt: true },
      },
    },
  });
  const names = new Map(klass.enrollments.map((e) => [e.user.id, e.user.name]));
  return items
    .flatMap((item) =>
      item.scores.map((s) => ({
        id: s.id,
        studentId: item.userId,
        studentName: names.get(item.userId) ?? "",
        lessonSlug: item.lessonSlug,
        status: s.status as ScoreStatus,
        scoreGiven: s.scoreGiven,
        gradingProgress: s.gradingProgress,
        tries: s.attempts,
        lastError: s.lastError,
        timestamp: s.timestamp,
        sentAt: s.sentAt,
        nextTryAt: s.nextTryAt,
      })),
    )
    .filter((s) => names.has(s.studentId))
    .sort((a, b) => a.studentName.localeCompare(b.studentName) || a.lessonSlug.localeCompare(b.lessonSlug));
}

/**
 * Sends a failed score of the class again: back to pending, due now, tries counted afresh.
 * False when it is not a failed score of this class.
 */
export async function resendScore(klass: OwnClass, scoreId: string): Promise<boolean> {
  const { count } = await db.ltiScoreOutbox.updateMany({
    where: { id: scoreId, status: "failed", lineItem: { classId: klass.id } },
    data: { status: "pending", attempts: 0, nextTryAt: new Date() },
  });
  if (count) kickScoreSender();
  return count === 1;
}
