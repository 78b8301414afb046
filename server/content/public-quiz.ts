import "server-only";
// The one place where a quiz is made safe to send to the browser. It copies, field by field,
// only what a student needs to answer: never `correct`, `category`, `feedback`,
// `explanationHtml`, `discern` or the authored order of an ordering question.
import type { PublicQuestion, PublicQuiz } from "@/lib/quiz";
import type { QuestionDefinition, QuizDefinition } from "./quiz-types";

export function toPublicQuestion(q: QuestionDefinition): PublicQuestion {
  switch (q.type) {
    case "single":
    case "multiple":
    case "truefalse":
      return { id: q.id, type: q.type, promptHtml: q.promptHtml, options: q.options.map((o) => ({ id: o.id, text: o.text })) };
    case "ordering": {
      const byId = new Map(q.items.map((i) => [i.id, i]));
      return {
        id: q.id,
        type: "ordering",
        promptHtml: q.promptHtml,
        items: q.displayOrder.map((id) => ({ id, text: byId.get(id)!.text })),
      };
    }
    case "categorise":
      return {
        id: q.id,
        type: "categorise",
        promptHtml: q.promptHtml,
        categories: q.categories.map((c) => ({ id: c.id, label: c.label })),
        items: q.items.map((i) => ({ id: i.id, text: i.text })),
      };
    case "highlight":
      return {
        id: q.id,
        type: "highlight",
        promptHtml: q.promptHtml,
        passage: q.passage.map((p) => ("phraseId" in p ? { phraseId: p.phraseId, text: p.text } : { text: p.text })),
      };
  }
}

export function toPublicQuiz(quiz: QuizDefinition): PublicQuiz {
  return {
    id: quiz.id,
    lessonSlug: quiz.lessonSlug,
    practice: quiz.practice,
    policy: { ...quiz.policy },
    questions: quiz.questions.map(toPublicQuestion),
  };
}
