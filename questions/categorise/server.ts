// Categorise on the server. Score: the share of items put in their correct group.
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import type { ServerQuestionType, Tally } from "../contract";
import { responseId } from "../schema";
import { round, textIds } from "../choice/server";
import { CATEGORY, SORTED_ITEM, type CategoriseDefinition, type CategorisePublic, type CategoriseResponse } from "./types";

const labelOf = (q: CategoriseDefinition, group: string) => q.categories.find((c) => c.id === group)?.label ?? group;

export const categorise: ServerQuestionType<CategoriseDefinition, CategorisePublic, CategoriseResponse> = {
  type: "categorise",
  build(input) {
    const text = (v: string | true | undefined) => (typeof v === "string" ? v.trim() : "");
    const categories = (input.parts.Category ?? []).map((c) => ({ id: text(input.attributes(c, CATEGORY).id), label: toString(c).trim(), node: c }));
    const ids = new Set<string>();
    for (const c of categories) {
      if (ids.has(c.id)) input.problem(c.node, `Question "${input.id}": category "${c.id}" is defined twice.`);
      ids.add(c.id);
      if (!c.label) input.problem(c.node, `Question "${input.id}": category "${c.id}" has no label.`);
    }
    if (categories.length < 2) input.problem(input.node, `Question "${input.id}" needs at least two categories.`);
    const itemNodes = input.parts.Item ?? [];
    const itemIds = textIds("i", input.id, itemNodes.map((it) => toString(it).trim()));
    const items = itemNodes.map((it, i) => {
      const a = input.attributes(it, SORTED_ITEM);
      const category = text(a.category);
      if (!category) input.problem(it, `Question "${input.id}": every item needs a category="…".`);
      else if (!ids.has(category)) input.problem(it, `Question "${input.id}": item category "${category}" is not one of the question's categories (${[...ids].join(", ")}).`);
      if (!toString(it).trim()) input.problem(it, `Question "${input.id}": an item has no text.`);
      return { id: itemIds[i], text: toString(it).trim(), category, feedback: text(a.feedback) };
    });
    if (items.length < 2) input.problem(input.node, `Question "${input.id}" needs at least two items to sort.`);
    return { type: "categorise", categories: categories.map(({ id, label }) => ({ id, label })), items };
  },
  choices: (q) => q.items.map(({ id, text, feedback }) => ({ id, text, feedback })),
  toPublic: (q, shuffle) => ({
    type: "categorise",
    categories: shuffle(q.categories).map((c) => ({ id: c.id, label: c.label })),
    items: shuffle(q.items).map((i) => ({ id: i.id, text: i.text })),
  }),
  response: z.strictObject({ placements: z.record(responseId, responseId) }),
  expects: "a group for each item",
  check(q, r) {
    const items = new Set(q.items.map((i) => i.id));
    const groups = new Set(q.categories.map((c) => c.id));
    for (const [item, group] of Object.entries(r.placements)) {
      if (!items.has(item)) return `Question "${q.id}" has no item "${item}".`;
      if (!groups.has(group)) return `Question "${q.id}" has no group "${group}".`;
    }
    return null;
  },
  empty: () => ({ placements: {} }),
  score: (q, r) => round(q.items.filter((i) => r.placements[i.id] === i.category).length / q.items.length),
  key: (q) => ({ placements: Object.fromEntries(q.items.map((i) => [i.id, i.category])) }),
  // An item's feedback says where it belongs, so it is the key: only with `reveal`, when each
  // item is marked right or wrong. Before that, the question's score is the feedback.
  feedback: (q, r, reveal) =>
    reveal ? q.items.map((item) => ({ id: item.id, correct: r.placements[item.id] === item.category, text: item.feedback })) : [],
  lean: () => null,
  describe: (q, r) => q.items.flatMap((i) => (r.placements[i.id] ? [`${i.text} → ${labelOf(q, r.placements[i.id])}`] : [])),
  separator: "; ",
  // One row per item and group actually chosen ("item → group"), most chosen first.
  tally(q, responses) {
    const counts = new Map<string, number>();
    for (const r of responses) {
      for (const [item, group] of Object.entries(r.placements)) counts.set(`${item}\u0000${group}`, (counts.get(`${item}\u0000${group}`) ?? 0) + 1);
    }
    const rows: Tally[] = [...counts].map(([key, count]) => {
      const [itemId, group] = key.split("\u0000");
      const item = q.items.find((i) => i.id === itemId);
      return { label: `${item?.text ?? itemId} → ${labelOf(q, group)}`, correct: item?.category === group, count, feedback: item?.feedback ?? "" };
    });
    return rows.sort((a, b) => b.count - a.count);
  },
  sample(q, right, random) {
    const placements = Object.fromEntries(q.items.map((i) => [i.id, i.category]));
    if (!right) {
      const item = q.items[Math.floor(random() * q.items.length)];
      const others = q.categories.filter((c) => c.id !== item.category);
      placements[item.id] = others[Math.floor(random() * others.length)].id;
    }
    return { placements };
  },
};
