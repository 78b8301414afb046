// What a quiz is on the server: prompts, options AND the answer key, feedback and
// explanations. Never import this into a client component; the browser gets PublicQuiz
// (lib/quiz.ts), made by toPublicQuiz() in ./public-quiz.ts. Each question type's own shape
// is in questions/<type>/types.ts.
import type { QuizPolicy } from "@/lib/quiz";
import type { QuestionDefinition } from "@/questions";

export type { Discern } from "@/questions/contract";
export type { QuestionDefinition } from "@/questions";

export type QuizDefinition = {
  id: string;
  lessonSlug: string;
  practice: boolean;
  policy: QuizPolicy;
  questions: QuestionDefinition[];
};
