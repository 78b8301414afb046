import "server-only";
// The one place where a quiz is made safe to send to the browser. Each question goes through
// its type's whitelist (toPublicQuestion in questions/server.ts), which copies, field by field,
// only what a student needs to answer: never a key, feedback, explanation, `discern`, `lean`
// or the authored order of an ordering question.
import type { PublicQuiz } from "@/lib/quiz";
import { toPublicQuestion } from "@/questions/server";
import type { QuizDefinition } from "./quiz-types";

export function toPublicQuiz(quiz: QuizDefinition): PublicQuiz {
  return {
    id: quiz.id,
    lessonSlug: quiz.lessonSlug,
    practice: quiz.practice,
    policy: { ...quiz.policy },
    questions: quiz.questions.map(toPublicQuestion),
  };
}
