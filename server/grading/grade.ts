// Pure grading: a question definition and a student's response in, a score and feedback out.
// No database, no I/O, so every rule here is unit-tested (grade.test.ts).
//
// Every question is worth 1 point. Partial credit:
// - multiple select and highlight: each correct choice ticked earns 1/k (k = number of correct
//   choices), each wrong choice ticked takes 1/k away, never below 0 — so ticking everything
//   does not pay;
// - ordering: the share of items in their correct position;
// - categorise: the share of items put in their correct group.
import type { QuestionResponse, QuestionResult } from "@/lib/quiz";
import type { QuestionDefinition } from "@/server/content/quiz-types";

export type Graded = { score: number; maxScore: 1; correct: boolean };

const round = (n: number) => Math.round(n * 10000) / 10000;

function choiceCredit(chosen: Set<string>, correctIds: Set<string>): number {
  if (correctIds.size === 0) return 0;
  let hits = 0;
  let wrong = 0;
  for (const id of chosen) {
    if (correctIds.has(id)) hits++;
    else wrong++;
  }
  return Math.max(0, (hits - wrong) / correctIds.size);
}

/**
 * Checks that a response has the shape the question needs and only names ids the question
 * has. Returns an error message in plain words, or null when it is valid. An unanswered
 * question is valid (it scores 0).
 */
export function responseError(q: QuestionDefinition, r: QuestionResponse): string | null {
  const unknown = (ids: Iterable<string>, known: Set<string>) => [...ids].find((id) => !known.has(id));
  switch (q.type) {
    case "single":
    case "truefalse": {
      if (!("choice" in r) || typeof r.choice !== "string") return `Question "${q.id}" takes one choice.`;
      if (r.choice !== "" && !q.options.some((o) => o.id === r.choice)) return `Question "${q.id}" has no option "${r.choice}".`;
      return null;
    }
    case "multiple": {
      if (!("choices" in r) || !Array.isArray(r.choices)) return `Question "${q.id}" takes a list of choices.`;
      const bad = unknown(r.choices, new Set(q.options.map((o) => o.id)));
      if (bad !== undefined) return `Question "${q.id}" has no option "${bad}".`;
      if (new Set(r.choices).size !== r.choices.length) return `Question "${q.id}" lists an option twice.`;
      return null;
    }
    case "highlight": {
      if (!("choices" in r) || !Array.isArray(r.choices)) return `Question "${q.id}" takes a list of phrases.`;
      const bad = unknown(r.choices, new Set(q.phrases.map((p) => p.id)));
      if (bad !== undefined) return `Question "${q.id}" has no phrase "${bad}".`;
      if (new Set(r.choices).size !== r.choices.length) return `Question "${q.id}" lists a phrase twice.`;
      return null;
    }
    case "ordering": {
      if (!("order" in r) || !Array.isArray(r.order)) return `Question "${q.id}" takes an order of items.`;
      if (r.order.length === 0) return null;
      const ids = new Set(q.items.map((i) => i.id));
      const bad = unknown(r.order, ids);
      if (bad !== undefined) return `Question "${q.id}" has no item "${bad}".`;
      if (r.order.length !== ids.size || new Set(r.order).size !== ids.size) {
        return `Question "${q.id}" needs every item placed exactly once.`;
      }
      return null;
    }
    case "categorise": {
      if (!("placements" in r) || typeof r.placements !== "object" || r.placements === null || Array.isArray(r.placements)) {
        return `Question "${q.id}" takes a group for each item.`;
      }
      const items = new Set(q.items.map((i) => i.id));
      const groups = new Set(q.categories.map((c) => c.id));
      for (const [item, group] of Object.entries(r.placements)) {
        if (!items.has(item)) return `Question "${q.id}" has no item "${item}".`;
        if (typeof group !== "string" || !groups.has(group)) return `Question "${q.id}" has no group "${String(group)}".`;
      }
      return null;
    }
  }
}

/** Scores a valid response (check it with responseError first). */
export function gradeQuestion(q: QuestionDefinition, r: QuestionResponse): Graded {
  let score = 0;
  switch (q.type) {
    case "single":
    case "truefalse":
      score = "choice" in r && q.options.some((o) => o.id === r.choice && o.correct) ? 1 : 0;
      break;
    case "multiple":
      score = "choices" in r ? choiceCredit(new Set(r.choices), new Set(q.options.filter((o) => o.correct).map((o) => o.id))) : 0;
      break;
    case "highlight":
      score = "choices" in r ? choiceCredit(new Set(r.choices), new Set(q.phrases.filter((p) => p.correct).map((p) => p.id))) : 0;
      break;
    case "ordering":
      score = "order" in r && r.order.length === q.items.length
        ? q.items.filter((item, i) => r.order[i] === item.id).length / q.items.length
        : 0;
      break;
    case "categorise":
      score = "placements" in r ? q.items.filter((i) => r.placements[i.id] === i.category).length / q.items.length : 0;
      break;
  }
  score = round(score);
  return { score, maxScore: 1, correct: score === 1 };
}

/** The correct response to a question: what a student sees when the answers are revealed. */
export function answerKey(q: QuestionDefinition): QuestionResponse {
  switch (q.type) {
    case "single":
    case "truefalse":
      return { choice: q.options.find((o) => o.correct)!.id };
    case "multiple":
      return { choices: q.options.filter((o) => o.correct).map((o) => o.id) };
    case "highlight":
      return { choices: q.phrases.filter((p) => p.correct).map((p) => p.id) };
    case "ordering":
      return { order: q.items.map((i) => i.id) };
    case "categorise":
      return { placements: Object.fromEntries(q.items.map((i) => [i.id, i.category])) };
  }
}

/**
 * The feedback a student gets for one answered question.
 * - Choice and highlight questions: the feedback of every option the student chose (it says
 *   why that choice is right or wrong without naming the right one); with `reveal`, every
 *   option's feedback and the answer.
 * - Ordering and categorise: each item is marked right or wrong; an item's own feedback
 *   (which says where it belongs) is shown when the item is right, or with `reveal`.
 */
export function questionResult(q: QuestionDefinition, r: QuestionResponse, graded: Graded, reveal: boolean): QuestionResult {
  const feedback: QuestionResult["feedback"] = [];
  switch (q.type) {
    case "single":
    case "truefalse":
    case "multiple":
    case "highlight": {
      const chosen = new Set("choice" in r ? [r.choice] : "choices" in r ? r.choices : []);
      const choices = q.type === "highlight" ? q.phrases : q.options;
      for (const c of choices) {
        if (chosen.has(c.id) || reveal) feedback.push({ id: c.id, correct: c.correct, text: c.feedback });
      }
      break;
    }
    case "ordering":
      q.items.forEach((item, i) => {
        const placedRight = "order" in r && r.order[i] === item.id;
        feedback.push({ id: item.id, correct: placedRight, text: placedRight || reveal ? item.feedback : "" });
      });
      break;
    case "categorise":
      for (const item of q.items) {
        const right = "placements" in r && r.placements[item.id] === item.category;
        feedback.push({ id: item.id, correct: right, text: right || reveal ? item.feedback : "" });
      }
      break;
  }
  return {
    questionId: q.id,
    score: graded.score,
    maxScore: graded.maxScore,
    correct: graded.correct,
    explanationHtml: q.explanationHtml,
    feedback,
    ...(reveal ? { answer: answerKey(q) } : {}),
  };
}

/** The empty response to a question, used when a student leaves it unanswered. */
export function emptyResponse(q: QuestionDefinition): QuestionResponse {
  switch (q.type) {
    case "single":
    case "truefalse":
      return { choice: "" };
    case "multiple":
    case "highlight":
      return { choices: [] };
    case "ordering":
      return { order: [] };
    case "categorise":
      return { placements: {} };
  }
}
