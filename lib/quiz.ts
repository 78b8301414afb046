// The shapes a quiz takes on its way to the browser and back. Shared by server and browser
// code, so nothing here may describe an answer key: see server/content/quiz-types.ts for the
// server-only definition, and server/content/public-quiz.ts for the one function that turns
// one into the other. Each question type's own shapes are in questions/<type>/types.ts.

import type { FeedbackEntry } from "@/questions/contract";
import type { PublicQuestion, QuestionResponse } from "@/questions";

export { QUESTION_TYPES, type PublicQuestion, type QuestionResponse, type QuestionType } from "@/questions";

export const REVEAL_POLICIES = ["always", "after-pass", "after-last-attempt", "after-pass-or-last", "never"] as const;
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
  lessonSlug: string;
  practice: boolean;
  policy: QuizPolicy;
  questions: PublicQuestion[];
};

/** What the browser gets back for one question after submitting. */
export type QuestionResult = {
  questionId: string;
  score: number;
  maxScore: number;
  correct: boolean;
  explanationHtml: string;
  /** Feedback for each option, item or phrase the student may be told about, by its id. */
  feedback: FeedbackEntry[];
  /** The correct answer, only when the quiz's reveal policy allows. */
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

export type SubmitResult =
  | {
      ok: true;
      attemptNumber: number;
      fraction: number;
      passed: boolean;
      revealed: boolean;
      questions: QuestionResult[];
      status: QuizStatus;
    }
  | { ok: false; error: string };
