import "server-only";
// The one place where a quiz is made safe to send to the browser. Each question goes through
// its type's whitelist (toPublicQuestion in questions/server.ts), which copies, field by field,
// only what a student needs to answer: never a key, feedback, explanation, `discern`, `lean`
// or the authored order of the lists a student chooses among.
import type { PublicQuiz, QuizShell } from "@/lib/quiz";
import type { Shuffle } from "@/questions/contract";
import { toPublicQuestion } from "@/questions/server";
import type { QuizDefinition } from "./quiz-types";

/** How one student sees a quiz: where it is answered, and the order of each question's lists. */
export type QuizView = { lessonSlug?: string; assessment?: "pre" | "post"; shuffle?: (questionId: string) => Shuffle };

export function toPublicQuiz(quiz: QuizDefinition, view: QuizView = {}): PublicQuiz {
  return {
    id: quiz.id,
    lessonSlug: view.lessonSlug ?? quiz.lessonSlug,
    practice: quiz.practice,
    ...(view.assessment ? { assessment: view.assessment } : {}),
    policy: { ...quiz.policy },
    questions: quiz.questions.map((q) => toPublicQuestion(q, view.shuffle?.(q.id))),
  };
}

/** What a lesson page is built with: the quiz's name and policy, none of its questions. */
export function toQuizShell(quiz: QuizDefinition, assessment?: "pre" | "post"): QuizShell {
  return {
    id: quiz.id,
    lessonSlug: quiz.lessonSlug,
    practice: quiz.practice,
    ...(assessment ? { assessment } : {}),
    policy: { ...quiz.policy },
    questionCount: quiz.questions.length,
  };
}
