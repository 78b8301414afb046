// The shapes a quiz takes on its way to the browser and back. Shared by server and browser
// code, so nothing here may describe an answer key: see server/content/quiz-types.ts for the
// server-only definition, and server/content/public-quiz.ts for the one function that turns
// one into the other. Each question type's own shapes are in questions/<type>/types.ts.

import type { FeedbackEntry } from "@/questions/contract";
import type { PublicQuestion, QuestionResponse } from "@/questions";

export { QUESTION_TYPES, type PublicQuestion, type QuestionResponse, type QuestionType } from "@/questions";

export const REVEAL_POLICIES = ["always", "after-pass", "after-last-attempt", "after-pass-or-last", "after-review", "never"] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];

export type QuizPolicy = {
  /** Percent needed to pass, 1–100. */
  passMark: number;
  /** 0 means unlimited. */
  maxAttempts: number;
  reveal: RevealPolicy;
};

export type PublicQuiz = {
  id: string;
  /** The unit the quiz is answered in (for an assessment: the pre or post unit). */
  lessonSlug: string;
  practice: boolean;
  /** Set for the pre- and post-assessment, which are not tests to pass. */
  assessment?: "pre" | "post";
  policy: QuizPolicy;
  /** In the order this student sees them, with options, items and categories shuffled for them. */
  questions: PublicQuestion[];
};

/** What a lesson page knows of a quiz before the student's own copy is loaded. */
export type QuizShell = { id: string; lessonSlug: string; practice: boolean; assessment?: "pre" | "post"; policy: QuizPolicy; questionCount: number };

/**
 * A written answer's review, as its student sees it: waiting for the instructor, or the
 * rubric level given (with its descriptor and points) and the instructor's comment.
 */
export type ReviewResult =
  | { state: "pending" }
  | { state: "reviewed"; level: string; descriptor: string; points: number; maxPoints: number; comment: string | null; reviewedAt: string };

/** What the browser gets back for one question after submitting. */
export type QuestionResult = {
  questionId: string;
  score: number;
  maxScore: number;
  correct: boolean;
  /** What the student answered, so a later visit can show it. */
  response: QuestionResponse;
  /** Feedback on what the student chose (or, when revealed, on everything), by id. */
  feedback: FeedbackEntry[];
  /** For answers an instructor scores (written): waiting, or the level and comment given. */
  review?: ReviewResult;
  /** The explanation and the correct answer: only when the quiz's policy reveals them. */
  explanationHtml?: string;
  answer?: QuestionResponse;
};

export type AttemptSummary = {
  attemptNumber: number;
  fraction: number;
  passed: boolean;
  submittedAt: string;
};

export type QuizStatus = {
  attemptsUsed: number;
  /** null when unlimited */
  attemptsLeft: number | null;
  bestFraction: number | null;
  passed: boolean;
  history: AttemptSummary[];
};

/**
 * One stored attempt as the student may see it now. For an assessment before its review is
 * open, `questions` is empty: no per-question result before the post-assessment.
 */
export type AttemptResult = {
  attemptNumber: number;
  fraction: number;
  passed: boolean;
  revealed: boolean;
  submittedAt: string;
  /** Written answers in it still waiting for the instructor: until 0, the score is a floor. */
  pendingCount: number;
  questions: QuestionResult[];
};

export type SubmitResult = ({ ok: true; status: QuizStatus } & AttemptResult) | { ok: false; error: string };

/** Where a student stands with one quiz (GET /api/quiz-status). */
export type QuizState = QuizStatus & {
  /** The quiz as this student sees it for their next attempt. */
  quiz: PublicQuiz;
  /** Their latest attempt as they may see it now, or null before the first. */
  last: AttemptResult | null;
};
