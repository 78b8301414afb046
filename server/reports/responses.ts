// Reading stored answers back in the course's words: what a student chose, as text, and how
// often each choice was made. Pure (no database): the question definition comes from the
// answer's QuestionVersion, so an answer keeps its meaning after the question is edited.
import type { QuestionResponse } from "@/lib/quiz";
import type { QuestionDefinition } from "@/server/content/quiz-types";

export const NO_ANSWER = "(no answer)";

export function parseResponse(json: string): QuestionResponse | null {
  try {
    const r = JSON.parse(json) as unknown;
    return r && typeof r === "object" && !Array.isArray(r) ? (r as QuestionResponse) : null;
  } catch {
    return null;
  }
}

function chosenIds(r: QuestionResponse | null): string[] {
  if (!r) return [];
  if ("choice" in r) return r.choice ? [r.choice] : [];
  if ("choices" in r) return r.choices;
  return [];
}

/** A response as plain text: option texts, an order, or item → group placements. */
export function describeResponse(q: QuestionDefinition, r: QuestionResponse | null): string {
  const text = (list: { id: string; text: string }[], ids: string[]) =>
    ids.map((id) => list.find((x) => x.id === id)?.text ?? id);
  let parts: string[] = [];
  switch (q.type) {
    case "single":
    case "truefalse":
    case "multiple":
      parts = text(q.options, chosenIds(r));
      return parts.length ? parts.join("; ") : NO_ANSWER;
    case "highlight":
      parts = text(q.phrases, chosenIds(r));
      return parts.length ? parts.join("; ") : NO_ANSWER;
    case "ordering":
      parts = r && "order" in r ? text(q.items, r.order) : [];
      return parts.length ? parts.join(" › ") : NO_ANSWER;
    case "categorise": {
      const placements = r && "placements" in r ? r.placements : {};
      parts = q.items.flatMap((i) => {
        const group = placements[i.id];
        return group ? [`${i.text} → ${q.categories.find((c) => c.id === group)?.label ?? group}`] : [];
      });
      return parts.length ? parts.join("; ") : NO_ANSWER;
    }
  }
}

/** One row of an option table: a choice students could make, and how many made it. */
export type Tally = { label: string; correct: boolean; count: number; feedback: string };

/**
 * How often each choice was made.
 * - Choice and highlight questions: one row per option or phrase (a multiple-select answer
 *   counts once for each option ticked); "correct" means the option belongs to the answer.
 * - Categorise: one row per item and group actually chosen ("item → group").
 * - Ordering: one row per distinct order given.
 * Choice questions list every option in the authored order (options nobody chose included);
 * the other types list what was chosen, most chosen first.
 */
export function tallyResponses(q: QuestionDefinition, responses: readonly (QuestionResponse | null)[]): { tallies: Tally[]; unanswered: number } {
  let unanswered = 0;
  const counts = new Map<string, number>();
  const bump = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const r of responses) {
    if (describeResponse(q, r) === NO_ANSWER) {
      unanswered++;
      continue;
    }
    if (q.type === "ordering") bump(r && "order" in r ? r.order.join(",") : "");
    else if (q.type === "categorise") {
      const placements = r && "placements" in r ? r.placements : {};
      for (const [item, group] of Object.entries(placements)) bump(`${item}\u0000${group}`);
    } else for (const id of chosenIds(r)) bump(id);
  }
  let tallies: Tally[];
  switch (q.type) {
    case "single":
    case "truefalse":
    case "multiple":
    case "highlight": {
      const list = q.type === "highlight" ? q.phrases : q.options;
      tallies = list.map((o) => ({ label: o.text, correct: o.correct, count: counts.get(o.id) ?? 0, feedback: o.feedback }));
      break;
    }
    case "categorise":
      tallies = [...counts].map(([key, count]) => {
        const [itemId, group] = key.split("\u0000");
        const item = q.items.find((i) => i.id === itemId);
        const label = `${item?.text ?? itemId} → ${q.categories.find((c) => c.id === group)?.label ?? group}`;
        return { label, correct: item?.category === group, count, feedback: item?.feedback ?? "" };
      });
      break;
    case "ordering": {
      const right = q.items.map((i) => i.id).join(",");
      tallies = [...counts].map(([key, count]) => ({
        label: describeResponse(q, { order: key.split(",") }),
        correct: key === right,
        count,
        feedback: "",
      }));
      break;
    }
  }
  if (q.type === "categorise" || q.type === "ordering") tallies.sort((a, b) => b.count - a.count);
  return { tallies, unanswered };
}

/** The wrong choice made most often (ties: the first in the table), or null if none was. */
export function mostCommonWrong(tallies: readonly Tally[]): Tally | null {
  return tallies.filter((t) => !t.correct && t.count > 0).sort((a, b) => b.count - a.count)[0] ?? null;
}
