import "server-only";
// Storing and reading quiz attempts. A submission follows one path: validate (payload.ts; the
// route app/api/attempts does it in its guarded path) → find the quiz → replay if this
// submission was already stored → check the attempt limit → grade → store the attempt and all
// its answers in one write → report back what the policy allows.
import type { QuestionResponse, QuizStatus, SubmitResult } from "@/lib/quiz";
import { db } from "@/server/db";
import { getPublishedLesson } from "@/server/content/course";
import type { QuizDefinition } from "@/server/content/quiz-types";
import { emptyResponse, gradeQuestion, parseStoredResponse, questionResult, readResponse } from "@/questions/server";
import { attemptsLeft, hasPassed, mayReveal } from "@/server/grading/policy";
import { discernment } from "@/server/grading/discernment";
import { isUniqueViolation } from "@/server/prisma-client";
import { payloadError, submissionSchema, type Submission } from "./payload";
import { questionVersion } from "./version";

/** Why a submission was refused, for the HTTP status (the message is for the student). */
export enum SubmitRefusal {
  Invalid = "invalid",
  NoAttemptsLeft = "no-attempts-left",
  Busy = "busy",
}

type Refused = { ok: false; error: string; refusal: SubmitRefusal };
type Accepted = Extract<SubmitResult, { ok: true }>;
const refuse = (error: string, refusal = SubmitRefusal.Invalid): Refused => ({ ok: false, error, refusal });

const knownVersions = new Set<string>();
async function ensureVersions(quiz: QuizDefinition) {
  for (const q of quiz.questions) {
    const id = questionVersion(q);
    if (knownVersions.has(id)) continue;
    await upsertRacing(() =>
      db.questionVersion.upsert({
        where: { id },
        create: { id, questionId: q.id, quizId: quiz.id, definition: JSON.stringify(q) },
        update: {},
      }),
    );
    knownVersions.add(id);
  }
}

type AttemptRow = { attemptNumber: number; fraction: number; passed: boolean; submittedAt: Date };

export async function getQuizStatus(userId: string, quiz: QuizDefinition): Promise<QuizStatus> {
  const attempts = await db.quizAttempt.findMany({
    where: { userId, quizId: quiz.id },
    orderBy: { attemptNumber: "asc" },
    select: { attemptNumber: true, fraction: true, passed: true, submittedAt: true },
  });
  return quizStatus(attempts, quiz);
}

function quizStatus(attempts: AttemptRow[], quiz: QuizDefinition): QuizStatus {
  return {
    attemptsUsed: attempts.length,
    attemptsLeft: attemptsLeft(attempts.length, quiz.policy),
    bestFraction: attempts.length ? Math.max(...attempts.map((a) => a.fraction)) : null,
    passed: attempts.some((a) => a.passed),
    history: attempts.map((a) => ({ ...a, submittedAt: a.submittedAt.toISOString() })),
  };
}

/**
 * Runs an upsert, and once more if it lost a race. Prisma's upsert reads, then inserts; on
 * PostgreSQL a concurrent request (on this instance or another) can insert the same row in
 * between, and the insert fails on the unique index. The second run finds that row and updates
 * it. (SQLite runs one writer at a time, so there it never races.)
 */
export async function upsertRacing<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return upsert();
  }
}

/** Rebuilds the result of a stored attempt, for a retried or repeated submission. */
async function replay(attemptId: string, quiz: QuizDefinition, userId: string): Promise<Accepted> {
  const attempt = await db.quizAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    include: { answers: { select: { questionId: true, response: true, score: true, correct: true } } },
  });
  const status = await getQuizStatus(userId, quiz);
  const reveal = mayReveal(quiz.policy, { passed: status.passed, attemptsUsed: status.attemptsUsed });
  const byQuestion = new Map(attempt.answers.map((a) => [a.questionId, a]));
  return {
    ok: true,
    attemptNumber: attempt.attemptNumber,
    fraction: attempt.fraction,
    passed: attempt.passed,
    revealed: reveal,
    status,
    questions: quiz.questions.flatMap((q) => {
      const a = byQuestion.get(q.id);
      if (!a) return [];
      const response = parseStoredResponse(q, a.response) ?? emptyResponse(q);
      return [questionResult(q, response, { score: a.score, maxScore: 1, correct: a.correct }, reveal)];
    }),
  };
}

/** The stored result of this submission, if a copy of it was stored meanwhile. */
async function replayStored(userId: string, submissionKey: string, quiz: QuizDefinition): Promise<Accepted | Refused | null> {
  const stored = await db.quizAttempt.findUnique({ where: { userId_submissionKey: { userId, submissionKey } }, select: { id: true, quizId: true } });
  if (!stored) return null;
  if (stored.quizId !== quiz.id) return refuse("This submission key was already used for another quiz. Nothing was saved.");
  return replay(stored.id, quiz, userId);
}

/** Validates raw input against payload.ts, then submits it (tests and scripts; the route validates itself). */
export async function submitAttempt(userId: string, input: unknown): Promise<Accepted | Refused> {
  const parsed = submissionSchema.safeParse(input);
  return parsed.success ? submitValidAttempt(userId, parsed.data) : refuse(payloadError(parsed.error));
}

/** Submits an attempt already validated against payload.ts (app/api/attempts validates it). */
export async function submitValidAttempt(userId: string, s: Submission): Promise<Accepted | Refused> {
  const lesson = await getPublishedLesson(s.lessonSlug);
  const quiz = lesson?.quizzes.find((q) => q.id === s.quizId);
  if (!lesson || !quiz) {
    return refuse(`There is no quiz "${s.quizId}" in the unit "${s.lessonSlug}". Nothing was saved.`);
  }
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  const responses = new Map<string, QuestionResponse>();
  for (const [questionId, raw] of Object.entries(s.answers)) {
    const q = questions.get(questionId);
    if (!q) return refuse(`The quiz "${quiz.id}" has no question "${questionId}". Nothing was saved.`);
    const read = readResponse(q, raw);
    if (!read.ok) return refuse(`${read.error} Nothing was saved.`);
    responses.set(questionId, read.response);
  }

  // A repeated submission (same key) is not looked up first: the insert below fails on the
  // (userId, submissionKey) index and the stored result is replayed. Fewer queries on the
  // path every submission takes.
  const graded = quiz.questions.map((q) => {
    const response = responses.get(q.id) ?? emptyResponse(q);
    return { q, response, result: gradeQuestion(q, response) };
  });
  const score = graded.reduce((sum, g) => sum + g.result.score, 0);
  const maxScore = quiz.questions.length;
  const fraction = maxScore ? score / maxScore : 0;
  const passed = !quiz.practice && hasPassed(fraction, quiz.policy);
  const kind = quiz.practice ? "practice" : lesson.frontmatter?.kind === "assessment" ? (lesson.frontmatter.assessment ?? "unit") : "unit";
  const d = kind === "pre" || kind === "post" ? discernment(graded.map((g) => ({ discern: g.q.discern, score: g.result.score }))) : null;
  await ensureVersions(quiz);

  for (let tries = 0; tries < 5; tries++) {
    const earlier = await db.quizAttempt.findMany({
      where: { userId, quizId: quiz.id },
      orderBy: { attemptNumber: "asc" },
      select: { attemptNumber: true, fraction: true, passed: true, submittedAt: true },
    });
    const used = earlier.length;
    if (quiz.policy.maxAttempts !== 0 && used >= quiz.policy.maxAttempts) {
      // A copy of this same submission (double click, retry on another instance) may have
      // taken the last attempt since we looked: then it is this submission's result.
      const stored = await replayStored(userId, s.submissionKey, quiz);
      if (stored) return stored;
      return refuse(`You have used all ${quiz.policy.maxAttempts} attempts at this quiz. Your earlier attempts are saved.`, SubmitRefusal.NoAttemptsLeft);
    }
    try {
      const attempt = await db.quizAttempt.create({
        data: {
          userId,
          lessonSlug: lesson.slug,
          quizId: quiz.id,
          kind,
          attemptNumber: used + 1,
          submissionKey: s.submissionKey,
          score,
          maxScore,
          fraction,
          passed,
          trustFraction: d?.trust ?? null,
          doubtFraction: d?.doubt ?? null,
          startedAt: s.startedAt ? new Date(s.startedAt) : null,
          answers: {
            createMany: {
              data: graded.map((g) => ({
              questionId: g.q.id,
              questionVersion: questionVersion(g.q),
              response: JSON.stringify(g.response),
              score: g.result.score,
              maxScore: g.result.maxScore,
              correct: g.result.correct,
              timeMs: s.timings?.[g.q.id] ?? null,
              })),
            },
          },
        },
        select: { id: true, attemptNumber: true, submittedAt: true },
      });
      // The unit is completed by its first graded attempt; later ones need not say it again.
      if (!quiz.practice && used === 0) {
        await upsertRacing(() =>
          db.lessonProgress.upsert({
            where: { userId_lessonSlug: { userId, lessonSlug: lesson.slug } },
            create: { userId, lessonSlug: lesson.slug, status: "completed", completedAt: new Date() },
            update: { status: "completed", completedAt: new Date() },
          }),
        );
      }
      const status = quizStatus([...earlier, { attemptNumber: attempt.attemptNumber, fraction, passed, submittedAt: attempt.submittedAt }], quiz);
      const reveal = mayReveal(quiz.policy, { passed: status.passed, attemptsUsed: status.attemptsUsed });
      return {
        ok: true,
        attemptNumber: attempt.attemptNumber,
        fraction,
        passed,
        revealed: reveal,
        status,
        questions: graded.map((g) => questionResult(g.q, g.response, g.result, reveal)),
      };
    } catch (error) {
      if (isUniqueViolation(error, "submissionKey")) {
        const stored = await replayStored(userId, s.submissionKey, quiz);
        if (stored) return stored;
      }
      if (isUniqueViolation(error, "attemptNumber")) continue; // another tab got this number first
      throw error;
    }
  }
  return refuse("The server is busy; your answers were not saved yet. Please submit again.", SubmitRefusal.Busy);
}

/** Marks a unit as started the first time a student opens it. */
export async function markStarted(userId: string, lessonSlug: string): Promise<void> {
  await upsertRacing(() =>
    db.lessonProgress.upsert({
      where: { userId_lessonSlug: { userId, lessonSlug } },
      create: { userId, lessonSlug, status: "started" },
      update: {},
    }),
  );
}
