// What a quiz is on the server: prompts, options AND the answer key, feedback and
// explanations. Never import this into a client component; the browser gets PublicQuiz
// (lib/quiz.ts), made by toPublicQuiz() in ./public-quiz.ts.
import type { QuestionType, QuizPolicy } from "@/lib/quiz";

export type Discern = "trust" | "doubt";

/** `lean`, in assessments: whether choosing this option trusts or doubts the material (docs/glossary.md). */
export type ChoiceOption = { id: string; text: string; correct: boolean; feedback: string; lean?: Discern };
export type OrderingItem = { id: string; text: string; feedback: string };
export type CategoriseItem = { id: string; text: string; category: string; feedback: string };
export type Phrase = { id: string; text: string; correct: boolean; feedback: string };
export type PassagePart = { text: string } | { phraseId: string; text: string };

type QuestionBase = {
  id: string;
  quizId: string;
  type: QuestionType;
  promptHtml: string;
  /** The prompt as plain text, for reports and exports. */
  promptText: string;
  explanationHtml: string;
  /** Assessments only: which way good judgement points (see docs/glossary.md). */
  discern?: Discern;
};

export type ChoiceQuestion = QuestionBase & { type: "single" | "multiple" | "truefalse"; options: ChoiceOption[] };
/** `items` are in the correct order; `displayOrder` is the shuffled order students see. */
export type OrderingQuestion = QuestionBase & { type: "ordering"; items: OrderingItem[]; displayOrder: string[] };
export type CategoriseQuestion = QuestionBase & {
  type: "categorise";
  categories: { id: string; label: string }[];
  items: CategoriseItem[];
};
export type HighlightQuestion = QuestionBase & { type: "highlight"; passage: PassagePart[]; phrases: Phrase[] };

export type QuestionDefinition = ChoiceQuestion | OrderingQuestion | CategoriseQuestion | HighlightQuestion;

export type QuizDefinition = {
  id: string;
  lessonSlug: string;
  practice: boolean;
  policy: QuizPolicy;
  questions: QuestionDefinition[];
};
