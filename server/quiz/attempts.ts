import "server-only";
// Storing and reading quiz attempts. A submission follows one path: validate (payload.ts; the
// route app/api/attempts does it in its guarded path) → find the quiz (the student's own form
// on an assessment: resolve.ts) → check each response → grade → check the attempt limit →
// store the attempt and all its answers in one write → report back what the policy allows.
// Reading follows the same rules: a student's quiz comes in their own order (order.ts), and
// an attempt reads back as the policy lets them see it now.
import type { AttemptResult, QuestionResponse, QuizState, QuizStatus, SubmitResult } from "@/lib/quiz";
import { db } from "@/server/db";
import type { QuizDefinition } from "@/server/content/quiz-types";
import { toPublicQuiz } from "@/server/content/public-quiz";
import { emptyResponse, gradeQuestion, parseStoredResponse, questionResult, readResponse, responseLean, type Graded, type StoredReview } from "@/questions/server";
import { attemptsLeft, hasPassed, mayReveal } from "@/server/grading/policy";
import { discernment, signalDetection } from "@/server/grading/discernment";
import { isUniqueViolation } from "@/server/prisma-client";
import { payloadError, submissionSchema, type Submission } from "./payload";
import { studentShuffle } from "./order";
import { resolveQuiz, type QuizKind, type ResolvedQuiz } from "./resolve";
import { reviewOpen } from "./review";
import { attemptByKey, attemptWithAnswers, earlierAttempts, storeAttempt, type AttemptRow, type StoredAnswer } from "./store";
import { questionVersion } from "./version";
import { timed } from "@/server/http/timing";
import { markReviewsSeen } from "@/server/written/notices";
import { scoresQueued } from "@/server/lti/ags-store";

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


function quizStatus(attempts: AttemptRow[], quiz: QuizDefinition): QuizStatus {
  return {
    attemptsUsed: attempts.length,
    attemptsLeft: attemptsLeft(attempts.length, quiz.policy),
    bestFraction: attempts.length ? Math.max(...attempts.map((a) => a.fraction)) : null,
    passed: attempts.some((a) => a.passed),
    history: attempts.map((a) => ({ ...a, submittedAt: a.submittedAt.toISOString() })),
  };
}

const isAssessment = (kind: QuizKind) => kind === "pre" || kind === "post";

/** Whether this student may see the answers of this quiz now (the quiz's reveal policy). */
async function mayRevealNow(userId: string, { quiz, kind }: ResolvedQuiz, status: QuizStatus): Promise<boolean> {
  const review = quiz.policy.reveal === "after-review" ? await reviewOpen(userId) : false;
  return mayReveal(quiz.policy, { passed: status.passed, attemptsUsed: status.attemptsUsed, reviewOpen: review }) && (!isAssessment(kind) || review);
}

/** What an attempt's answers are read back with (getQuizState, replay). */
const STORED_ANSWER = { questionId: true, response: true, score: true, correct: true, pending: true, reviewLevel: true, reviewComment: true, reviewedAt: true } as const;
type ReadAnswer = { questionId: string; response: QuestionResponse; graded: Graded; review?: StoredReview };

/**
 * One attempt as the student may see it now: per question, the score and the feedback the
 * policy allows (questionResult). An assessment before its review shows nothing per question.
 */
function attemptResult(
  resolved: ResolvedQuiz,
  attempt: AttemptRow & { answers: ReadAnswer[] },
  reveal: boolean,
): AttemptResult {
  const byQuestion = new Map(attempt.answers.map((a) => [a.questionId, a]));
  const withheld = isAssessment(resolved.kind) && !reveal;
  return {
    attemptNumber: attempt.attemptNumber,
    fraction: attempt.fraction,
    passed: attempt.passed,
    revealed: reveal,
    submittedAt: attempt.submittedAt.toISOString(),
    pendingCount: attempt.answers.filter((a) => a.graded.pending).length,
    questions: withheld
      ? []
      : resolved.quiz.questions.flatMap((q) => {
          const a = byQuestion.get(q.id);
          return a ? [questionResult(q, a.response, a.graded, reveal, a.review)] : [];
        }),
  };
}

const readAnswers = (quiz: QuizDefinition, answers: StoredAnswer[]): ReadAnswer[] => {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  return answers.flatMap((a) => {
    const q = questions.get(a.questionId);
    if (!q) return [];
    const graded: Graded = { score: a.score, maxScore: 1, correct: a.correct, ...(a.pending ? { pending: true as const } : {}) };
    const review = { level: a.reviewLevel, comment: a.reviewComment, reviewedAt: a.reviewedAt };
    return [{ questionId: a.questionId, response: parseStoredResponse(q, a.response) ?? emptyResponse(q), graded, review }];
  });
};

/**
 * Where a student stands with a quiz: their attempts, the quiz as they see it for their next
 * attempt (their own order), and their latest attempt as they may see it now. Null when there
 * is no such quiz for them.
 */
export async function getQuizState(userId: string, lessonSlug: string, quizId: string): Promise<QuizState | null> {
  const resolved = await resolveQuiz(userId, lessonSlug, quizId);
  if (!resolved) return null;
  const { quiz, lesson, kind } = resolved;
  const attempts = await db.quizAttempt.findMany({
    where: { userId, quizId: quiz.id },
    orderBy: { attemptNumber: "asc" },
    select: { attemptNumber: true, fraction: true, passed: true, submittedAt: true, id: true },
  });
  const status = quizStatus(attempts, quiz);
  const latest = attempts.at(-1);
  let last: AttemptResult | null = null;
  if (latest) {
    const answers = await db.answer.findMany({ where: { attemptId: latest.id }, select: STORED_ANSWER });
    last = attemptResult(resolved, { ...latest, answers: readAnswers(quiz, answers) }, await mayRevealNow(userId, resolved, status));
    // The student now sees their instructor's scores: the course page stops announcing them.
    if (last.questions.some((q) => q.review?.state === "reviewed")) await markReviewsSeen(userId, quiz.id);
  }
  const next = attempts.length + 1;
  return {
    ...status,
    quiz: toPublicQuiz(quiz, {
      lessonSlug: lesson.slug,
      ...(isAssessment(kind) ? { assessment: kind as "pre" | "post" } : {}),
      shuffle: (questionId) => studentShuffle(userId, quiz.id, next, questionId),
    }),
    last,
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

/** Rebuilds the result of a stored attempt, for a retried or repeated submission (on the driver: a class's retries come in bursts too). */
async function replay(attemptId: string, resolved: ResolvedQuiz, userId: string): Promise<Accepted> {
  const attempt = await attemptWithAnswers(attemptId);
  if (!attempt) throw new Error(`replay: attempt ${attemptId} is gone`);
  const status = quizStatus(await earlierAttempts(userId, resolved.quiz.id), resolved.quiz);
  const reveal = await mayRevealNow(userId, resolved, status);
  return { ok: true, status, ...attemptResult(resolved, { ...attempt, answers: readAnswers(resolved.quiz, attempt.answers) }, reveal) };
}

/** The stored result of this submission, if a copy of it was stored meanwhile. */
async function replayStored(userId: string, submissionKey: string, resolved: ResolvedQuiz): Promise<Accepted | Refused | null> {
  const stored = await attemptByKey(userId, submissionKey);
  if (!stored) return null;
  if (stored.quizId !== resolved.quiz.id) return refuse("This submission key was already used for another quiz. Nothing was saved.");
  return replay(stored.id, resolved, userId);
}

/** Each response read by its question's type; an answer to a question the quiz lacks is refused. */
function readResponses(quiz: QuizDefinition, answers: Submission["answers"]): { ok: true; responses: Map<string, QuestionResponse> } | { ok: false; error: string } {
  const questions = new Map(quiz.questions.map((q) => [q.id, q]));
  const responses = new Map<string, QuestionResponse>();
  for (const [questionId, raw] of Object.entries(answers)) {
    const q = questions.get(questionId);
    if (!q) return { ok: false, error: `The quiz "${quiz.id}" has no question "${questionId}".` };
    const read = readResponse(q, raw);
    if (!read.ok) return { ok: false, error: read.error };
    responses.set(questionId, read.response);
  }
  return { ok: true, responses };
}

/** The attempt graded: each question, the total, pass or not, and for assessments discernment and signal detection. */
function gradeAttempt(quiz: QuizDefinition, kind: QuizKind, responses: Map<string, QuestionResponse>) {
  const graded = quiz.questions.map((q) => {
    const response = responses.get(q.id) ?? emptyResponse(q);
    return { q, response, result: gradeQuestion(q, response) };
  });
  const score = graded.reduce((sum, g) => sum + g.result.score, 0);
  const pendingCount = graded.filter((g) => g.result.pending).length;
  const maxScore = quiz.questions.length;
  const fraction = maxScore ? score / maxScore : 0;
  const passed = !quiz.practice && hasPassed(fraction, quiz.policy);
  const d = isAssessment(kind) ? discernment(graded.map((g) => ({ discern: g.q.discern, score: g.result.score }))) : null;
  const sdt = isAssessment(kind) ? signalDetection(graded.map((g) => ({ discern: g.q.discern, lean: responseLean(g.q, g.response) }))) : null;
  return { graded, score, maxScore, fraction, passed, d, sdt, pendingCount };
}

/** Validates raw input against payload.ts, then submits it (tests and scripts; the route validates itself). */
export async function submitAttempt(userId: string, input: unknown): Promise<Accepted | Refused> {
  const parsed = submissionSchema.safeParse(input);
  return parsed.success ? submitValidAttempt(userId, parsed.data) : refuse(payloadError(parsed.error));
}

/** Submits an attempt already validated against payload.ts (app/api/attempts validates it). */
export async function submitValidAttempt(userId: string, s: Submission): Promise<Accepted | Refused> {
  const resolved = await resolveQuiz(userId, s.lessonSlug, s.quizId, true);
  if (!resolved) return refuse(`There is no quiz "${s.quizId}" in the unit "${s.lessonSlug}" for you. Nothing was saved.`);
  const { lesson, quiz, kind } = resolved;
  const read = await timed("check", () => readResponses(quiz, s.answers));
  if (!read.ok) return refuse(`${read.error} Nothing was saved.`);
  const responses = read.responses;

  // A repeated submission (same key) is not looked up first: the insert below fails on the
  // (userId, submissionKey) index and the stored result is replayed. Fewer queries on the
  // path every submission takes.
  const { graded, score, maxScore, fraction, passed, d, sdt, pendingCount } = await timed("grade", () => gradeAttempt(quiz, kind, responses));
  await timed("versions", () => ensureVersions(quiz));

  for (let tries = 0; tries < 5; tries++) {
    const earlier = await timed("db-earlier", () => earlierAttempts(userId, quiz.id));
    const used = earlier.length;
    if (quiz.policy.maxAttempts !== 0 && used >= quiz.policy.maxAttempts) {
      // A copy of this same submission (double click, retry on another instance) may have
      // taken the last attempt since we looked: then it is this submission's result.
      const stored = await replayStored(userId, s.submissionKey, resolved);
      if (stored) return stored;
      return refuse(`You have used all ${quiz.policy.maxAttempts} attempts at this quiz. Your earlier attempts are saved.`, SubmitRefusal.NoAttemptsLeft);
    }
    try {
      const submittedAt = new Date();
      const stored = await timed("db-write", () =>
        storeAttempt({
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
          sensitivity: sdt?.sensitivity ?? null,
          bias: sdt?.bias ?? null,
          pendingCount,
          startedAt: s.startedAt ? new Date(s.startedAt) : null,
          submittedAt,
          answers: graded.map((g) => ({
            questionId: g.q.id,
            questionVersion: questionVersion(g.q),
            response: JSON.stringify(g.response),
            score: g.result.score,
            maxScore: g.result.maxScore,
            correct: g.result.correct,
            pending: g.result.pending === true,
            timeMs: s.timings?.[g.q.id] ?? null,
          })),
          // The unit is completed by its first graded attempt; later ones need not say it again.
          completesUnit: !quiz.practice && used === 0,
        }),
      );
      // The unit's score was queued for the LMS with the attempt: the sender goes on without us.
      scoresQueued(stored.scoresQueued);
      const attempt = { attemptNumber: used + 1, submittedAt };
      const row = { attemptNumber: attempt.attemptNumber, fraction, passed, submittedAt: attempt.submittedAt };
      const status = quizStatus([...earlier, row], quiz);
      const reveal = await timed("reveal", () => mayRevealNow(userId, resolved, status));
      const answers = graded.map((g) => ({ questionId: g.q.id, response: g.response, graded: g.result }));
      return await timed("result", () => ({ ok: true as const, status, ...attemptResult(resolved, { ...row, answers }, reveal) }));
    } catch (error) {
      if (isUniqueViolation(error, "submissionKey")) {
        const stored = await replayStored(userId, s.submissionKey, resolved);
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
