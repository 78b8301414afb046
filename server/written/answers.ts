import "server-only";
// Written answers for instructors: the queue of answers awaiting review in one class, one
// answer with its rubric for scoring, and recording a score (with its history). Every
// function takes a class the caller has checked is the asker's (server/access.ts) and sees
// only the answers of that class's students.
import { getCourse, getPublishedCourse } from "@/server/content/course";
import type { QuestionDefinition } from "@/server/content/quiz-types";
import { db } from "@/server/db";
import type { OwnClass } from "@/server/reports/classes";
import { questionVersions } from "@/server/reports/versions";
import { describeResponse, parseStoredResponse, reviewScore, rubricOf } from "@/questions/server";
import type { RubricLevel } from "@/questions/contract";
import { cleanComment, rescoreAttempt } from "./rules";
import { GRADED_KIND, queueUnitScore, scoresQueued } from "@/server/lti/ags-store";

export type QueueFilter = { unit?: string; question?: string };

const studentIds = (klass: OwnClass) => klass.enrollments.map((e) => e.user.id);

/** What the queue and the answer page show of a unit and a question, by ids. */
async function labels() {
  const course = await getCourse();
  const units = new Map(course.map((l) => [l.slug, l.frontmatter?.title ?? l.slug]));
  const questions = new Map(course.flatMap((l) => l.quizzes.flatMap((quiz) => quiz.questions.map((q) => [q.id, q.promptText] as const))));
  return { units, questions };
}

/** Answers awaiting review in a class, oldest submission first, optionally of one unit or question. */
export async function pendingAnswers(klass: OwnClass, filter: QueueFilter = {}) {
  const rows = await db.answer.findMany({
    where: {
      pending: true,
      ...(filter.question ? { questionId: filter.question } : {}),
      attempt: { userId: { in: studentIds(klass) }, ...(filter.unit ? { lessonSlug: filter.unit } : {}) },
    },
    orderBy: [{ attempt: { submittedAt: "asc" } }, { id: "asc" }],
    select: { id: true, questionId: true, attempt: { select: { userId: true, lessonSlug: true, submittedAt: true } } },
  });
  const names = new Map(klass.enrollments.map((e) => [e.user.id, e.user.name]));
  const { units, questions } = await labels();
  return rows.map((r) => ({
    answerId: r.id,
    studentId: r.attempt.userId,
    studentName: names.get(r.attempt.userId) ?? "",
    lessonSlug: r.attempt.lessonSlug,
    unitTitle: units.get(r.attempt.lessonSlug) ?? r.attempt.lessonSlug,
    questionId: r.questionId,
    prompt: questions.get(r.questionId) ?? r.questionId,
    submittedAt: r.attempt.submittedAt,
  }));
}
export type QueueEntry = Awaited<ReturnType<typeof pendingAnswers>>[number];

/** Answers awaiting review in each of these classes (for the instructor's home page). */
export async function pendingCounts(classIds: string[]): Promise<Map<string, number>> {
  if (classIds.length === 0) return new Map();
  const rows = await db.enrollment.findMany({
    where: { classId: { in: classIds } },
    select: { classId: true, user: { select: { attempts: { where: { pendingCount: { gt: 0 } }, select: { pendingCount: true } } } } },
  });
  const counts = new Map(classIds.map((id) => [id, 0]));
  for (const r of rows) counts.set(r.classId, (counts.get(r.classId) ?? 0) + r.user.attempts.reduce((n, a) => n + a.pendingCount, 0));
  return counts;
}

/** Answers of the class scored most recently (to look back or re-grade). */
export async function recentlyReviewed(klass: OwnClass, limit = 20) {
  const rows = await db.answer.findMany({
    where: { reviewedAt: { not: null }, attempt: { userId: { in: studentIds(klass) } } },
    orderBy: { reviewedAt: "desc" },
    take: limit,
    select: { id: true, questionId: true, reviewLevel: true, reviewedAt: true, questionVersion: true, attempt: { select: { userId: true, lessonSlug: true } } },
  });
  const names = new Map(klass.enrollments.map((e) => [e.user.id, e.user.name]));
  const versions = await questionVersions(rows.map((r) => r.questionVersion));
  const { units } = await labels();
  return rows.map((r) => {
    const q = versions.get(r.questionVersion);
    const level = q ? rubricOf(q)?.levels.find((l) => l.id === r.reviewLevel) : undefined;
    return {
      answerId: r.id,
      studentName: names.get(r.attempt.userId) ?? "",
      unitTitle: units.get(r.attempt.lessonSlug) ?? r.attempt.lessonSlug,
      prompt: q?.promptText ?? r.questionId,
      level: level?.label ?? r.reviewLevel ?? "",
      reviewedAt: r.reviewedAt!,
    };
  });
}

export type AnswerForReview = {
  answerId: string;
  studentId: string;
  studentName: string;
  unitTitle: string;
  lessonSlug: string;
  promptHtml: string;
  explanationHtml: string;
  text: string;
  maxLength: number;
  levels: RubricLevel[];
  exemplars: Record<string, string>;
  submittedAt: Date;
  pending: boolean;
  level: string | null;
  comment: string | null;
  history: { level: string; comment: string | null; reviewer: string; at: Date }[];
};

/** One written answer of the class with the rubric it is scored by (the question as it was answered). */
export async function answerForReview(klass: OwnClass, answerId: string): Promise<AnswerForReview | null> {
  if (answerId.length > 64) return null;
  const a = await db.answer.findFirst({
    where: { id: answerId, attempt: { userId: { in: studentIds(klass) } } },
    select: {
      id: true,
      response: true,
      pending: true,
      reviewLevel: true,
      reviewComment: true,
      questionVersion: true,
      attempt: { select: { userId: true, lessonSlug: true, submittedAt: true } },
      reviews: { orderBy: { createdAt: "asc" }, select: { level: true, comment: true, createdAt: true, reviewer: { select: { name: true } } } },
    },
  });
  if (!a) return null;
  const q = (await questionVersions([a.questionVersion])).get(a.questionVersion);
  const rubric = q ? rubricOf(q) : null;
  if (!q || !rubric) return null;
  const response = parseStoredResponse(q, a.response);
  const label = (id: string) => rubric.levels.find((l) => l.id === id)?.label ?? id;
  const { units } = await labels();
  return {
    answerId: a.id,
    studentId: a.attempt.userId,
    studentName: klass.enrollments.find((e) => e.user.id === a.attempt.userId)?.user.name ?? "",
    unitTitle: units.get(a.attempt.lessonSlug) ?? a.attempt.lessonSlug,
    lessonSlug: a.attempt.lessonSlug,
    promptHtml: q.promptHtml,
    explanationHtml: q.explanationHtml,
    text: response ? describeResponse(q, response) : "",
    maxLength: "maxLength" in q ? q.maxLength : 0,
    levels: rubric.levels,
    exemplars: rubric.exemplars,
    submittedAt: a.attempt.submittedAt,
    pending: a.pending,
    level: a.reviewLevel,
    comment: a.reviewComment,
    history: a.reviews.map((r) => ({ level: label(r.level), comment: r.comment, reviewer: r.reviewer?.name ?? "(account deleted)", at: r.createdAt })),
  };
}

/** The quiz an attempt answered, for its pass mark (null when it has left the course). */
async function quizById(quizId: string) {
  for (const l of await getPublishedCourse()) {
    const quiz = l.quizzes.find((q) => q.id === quizId);
    if (quiz) return quiz;
  }
  return null;
}

export type ReviewOutcome = { ok: true; level: string; attemptFinal: boolean } | { ok: false; error: string };

/**
 * Scores one written answer of the class with a level of its rubric: a new row in its history,
 * the answer's score, and its attempt's score, pass and pending count, all in one transaction.
 * Scoring again (a re-grade) works the same way; the history keeps every score.
 */
export async function recordReview(klass: OwnClass, reviewerId: string, answerId: string, levelId: string, comment?: string): Promise<ReviewOutcome> {
  const target = await db.answer.findFirst({
    where: { id: answerId, attempt: { userId: { in: studentIds(klass) } } },
    select: { questionVersion: true, attemptId: true, attempt: { select: { quizId: true, userId: true, lessonSlug: true, kind: true } } },
  });
  if (!target) return { ok: false, error: "This answer is not one of your class's." };
  const q: QuestionDefinition | undefined = (await questionVersions([target.questionVersion])).get(target.questionVersion);
  const rubric = q ? rubricOf(q) : null;
  if (!q || !rubric) return { ok: false, error: "This answer is not a written answer." };
  const graded = reviewScore(q, levelId);
  if (!graded) return { ok: false, error: `Choose one of the rubric's levels: ${rubric.levels.map((l) => l.label).join(", ")}.` };
  const quiz = await quizById(target.attempt.quizId);
  const note = cleanComment(comment);
  const now = new Date();
  const queued = await db.$transaction(async (tx) => {
    // Take the attempt's row lock first (PostgreSQL): two answers of one attempt scored at
    // once are then summed one after the other, each seeing the other's score.
    const attempt = await tx.quizAttempt.update({ where: { id: target.attemptId }, data: { pendingCount: { increment: 0 } }, select: { maxScore: true, passed: true } });
    await tx.answer.update({
      where: { id: answerId },
      data: { score: graded.score, correct: graded.correct, pending: false, reviewLevel: levelId, reviewComment: note, reviewedAt: now, reviewSeenAt: null },
    });
    const review = await tx.answerReview.create({ data: { answerId, reviewerId, level: levelId, score: graded.score, comment: note, createdAt: now }, select: { id: true } });
    const answers = await tx.answer.findMany({ where: { attemptId: target.attemptId }, select: { score: true, pending: true } });
    const next = rescoreAttempt(answers, attempt.maxScore, quiz, attempt.passed);
    await tx.quizAttempt.update({ where: { id: target.attemptId }, data: next });
    // The unit's score changed: queued for the LMS gradebook (server/lti/ags-store.ts), keyed by this score.
    return target.attempt.kind === GRADED_KIND ? queueUnitScore(tx, target.attempt.userId, target.attempt.lessonSlug, `review:${review.id}`, now) : 0;
  });
  scoresQueued(queued);
  const after = await db.quizAttempt.findUniqueOrThrow({ where: { id: target.attemptId }, select: { pendingCount: true } });
  return { ok: true, level: rubric.levels.find((l) => l.id === levelId)!.label, attemptFinal: after.pendingCount === 0 };
}
