// The shapes a quiz takes on its way to the browser and back. Shared by server and browser
// code, so nothing here may describe an answer key: see server/content/quiz-types.ts for the
// server-only definition, and server/content/public-quiz.ts for the one function that turns
// one into the other.

export const QUESTION_TYPES = ["single", "multiple", "truefalse", "ordering", "categorise", "highlight"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const REVEAL_POLICIES = ["always", "after-pass", "after-last-attempt", "after-pass-or-last", "never"] as const;
export type RevealPolicy = (typeof REVEAL_POLICIES)[number];

export type QuizPolicy = {
  /** Percent needed to pass, 1–100. */
  passMark: number;
  /** 0 means unlimited. */
  maxAttempts: number;
  reveal: RevealPolicy;
};

type PublicQuestionBase = { id: string; promptHtml: string };

export type PublicQuestion =
  | (PublicQuestionBase & { type: "single" | "multiple" | "truefalse"; options: { id: string; text: string }[] })
  | (PublicQuestionBase & { type: "ordering"; items: { id: string; text: string }[] })
  | (PublicQuestionBase & {
      type: "categorise";
      categories: { id: string; label: string }[];
      items: { id: string; text: string }[];
    })
  | (PublicQuestionBase & {
      type: "highlight";
      passage: ({ text: string } | { phraseId: string; text: string })[];
    });

export type PublicQuiz = {
  id: string;
  lessonSlug: string;
  practice: boolean;
  policy: QuizPolicy;
  questions: PublicQuestion[];
};

/** A student's answer to one question, as sent by the browser. */
export type QuestionResponse =
  | { choice: string }
  | { choices: string[] }
  | { order: string[] }
  | { placements: Record<string, string> };

/** What the browser gets back for one question after submitting. */
export type QuestionResult = {
  questionId: string;
  score: number;
  maxScore: number;
  correct: boolean;
  explanationHtml: string;
  /** Feedback for each option, item or phrase the student may be told about, by its id. */
  feedback: { id: string; correct: boolean | null; text: string }[];
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
