// The validity check's one contact with the question shapes and the grading code. Simulated
// students (./students.ts) and the cue analysis (./cues.ts) see a question only through
// `viewOf`, answer only through the response builders, and are scored only by `scoreOf`: when
// grading or the question types move, re-point this file and nothing else.
// Free of "server-only" so the command-line lesson check can use it (like server/content/lessons.ts).
import type { QuestionResponse } from "@/lib/quiz";
import type { Discern, QuestionDefinition } from "@/server/content/quiz-types";
import { gradeQuestion } from "@/questions/server";

/** Something a student can pick: an option (single, true/false, multiple) or a phrase (highlight). */
export type Choice = { id: string; text: string; correct: boolean; lean?: Discern };
export type Item = { id: string; text: string };

/** A question as the simulated students and the cue analysis see it, one shape per type. */
export type QuestionView = { id: string; prompt: string; discern?: Discern } & (
  /** search: each result a choice (its title and snippet), one of them the best first click. */
  | { type: "single" | "truefalse" | "multiple" | "highlight" | "search"; choices: Choice[] }
  /** `items` in the correct order (each student is shown them shuffled, never in that order). */
  | { type: "ordering"; items: Item[] }
  | { type: "categorise"; items: Item[]; categories: { id: string; label: string }[] }
  /** Scored by an instructor with a rubric: a student who has not learned the skill writes a beginning answer (0 points). */
  | { type: "written" }
);

/** Enumerates a question's choices, items and categories: the only place that reads a definition. */
export function viewOf(q: QuestionDefinition): QuestionView {
  const base = { id: q.id, prompt: q.promptText, ...(q.discern ? { discern: q.discern } : {}) };
  switch (q.type) {
    case "single":
    case "truefalse":
    case "multiple":
      return { ...base, type: q.type, choices: q.options.map(({ id, text, correct, lean }) => ({ id, text, correct, ...(lean ? { lean } : {}) })) };
    case "highlight":
      return { ...base, type: q.type, choices: q.phrases.map(({ id, text, correct }) => ({ id, text, correct })) };
    case "ordering":
      return { ...base, type: q.type, items: q.items.map(({ id, text }) => ({ id, text })) };
    case "categorise":
      return { ...base, type: q.type, items: q.items.map(({ id, text }) => ({ id, text })), categories: q.categories };
    case "written":
      return { ...base, type: q.type };
    case "search":
      return { ...base, type: q.type, choices: q.results.map(({ id, title, snippet, correct }) => ({ id, text: `${title} ${snippet}`, correct })) };
  }
}

/** Responses, in the shape the grading code takes. */
export const respond = {
  choose: (id: string): QuestionResponse => ({ choice: id }),
  tick: (ids: string[]): QuestionResponse => ({ choices: ids }),
  arrange: (ids: string[]): QuestionResponse => ({ order: ids }),
  place: (placements: Record<string, string>): QuestionResponse => ({ placements }),
  write: (text: string): QuestionResponse => ({ text }),
};

/**
 * A response's score, 0–1, from the real grading code. A written answer waits for an
 * instructor and counts 0 here: what a student who learned nothing is given on the rubric
 * (a beginning answer, worth 0 points: CONTENT.md, "Writing items").
 */
export function scoreOf(q: QuestionDefinition, r: QuestionResponse): number {
  return gradeQuestion(q, r).score;
}
