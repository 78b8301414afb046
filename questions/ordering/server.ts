// Ordering on the server. Score: the share of items in their correct position. Authors write
// the items in the correct order; ids are made from the items' text, so they say nothing of
// it, and each student sees them shuffled — never in the correct order, which would be an
// answer the student had not given.
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import type { ServerQuestionType, Tally } from "../contract";
import { responseIds } from "../schema";
import { round, textIds } from "../choice/server";
import { ITEM, type OrderingDefinition, type OrderingPublic, type OrderingResponse } from "./types";

const describe = (q: OrderingDefinition, order: readonly string[]) => order.map((id) => q.items.find((i) => i.id === id)?.text ?? id);

export const ordering: ServerQuestionType<OrderingDefinition, OrderingPublic, OrderingResponse> = {
  type: "ordering",
  build(input) {
    const authored = (input.parts.Item ?? []).map((it) => {
      const a = input.attributes(it, ITEM);
      const text = toString(it).trim();
      if (!text) input.problem(it, `Question "${input.id}": an item has no text.`);
      return { text, feedback: typeof a.feedback === "string" ? a.feedback.trim() : "" };
    });
    if (authored.length < 2) input.problem(input.node, `Question "${input.id}" needs at least two items to order.`);
    const ids = textIds("i", input.id, authored.map((it) => it.text));
    return { type: "ordering", items: authored.map((it, i) => ({ id: ids[i], ...it })) };
  },
  choices: (q) => q.items.map(({ id, text, feedback }) => ({ id, text, feedback })),
  toPublic(q, shuffle) {
    const shown = shuffle(q.items);
    if (shown.length > 1 && shown.every((item, i) => item.id === q.items[i].id)) shown.push(shown.shift()!);
    return { type: "ordering", items: shown.map((i) => ({ id: i.id, text: i.text })) };
  },
  response: z.strictObject({ order: responseIds }),
  expects: "an order of items",
  check(q, r) {
    if (r.order.length === 0) return null;
    const ids = new Set(q.items.map((i) => i.id));
    const bad = r.order.find((id) => !ids.has(id));
    if (bad !== undefined) return `Question "${q.id}" has no item "${bad}".`;
    if (r.order.length !== ids.size || new Set(r.order).size !== ids.size) return `Question "${q.id}" needs every item placed exactly once.`;
    return null;
  },
  empty: () => ({ order: [] }),
  score: (q, r) => (r.order.length === q.items.length ? round(q.items.filter((item, i) => r.order[i] === item.id).length / q.items.length) : 0),
  key: (q) => ({ order: q.items.map((i) => i.id) }),
  // An item's feedback says where it belongs, so it is the key: only with `reveal`, when each
  // item is marked right or wrong. Before that, the question's score is the feedback.
  feedback: (q, r, reveal) => (reveal ? q.items.map((item, i) => ({ id: item.id, correct: r.order[i] === item.id, text: item.feedback })) : []),
  lean: () => null,
  describe: (q, r) => describe(q, r.order),
  separator: " › ",
  // One row per distinct order given, most given first.
  tally(q, responses) {
    const counts = new Map<string, number>();
    for (const r of responses) if (r.order.length) counts.set(r.order.join(","), (counts.get(r.order.join(",")) ?? 0) + 1);
    const right = q.items.map((i) => i.id).join(",");
    const rows: Tally[] = [...counts].map(([key, count]) => ({ label: describe(q, key.split(",")).join(" › "), correct: key === right, count, feedback: "" }));
    return rows.sort((a, b) => b.count - a.count);
  },
  sample(q, right, random) {
    const order = q.items.map((i) => i.id);
    if (!right) {
      const i = Math.floor(random() * (order.length - 1));
      [order[i], order[i + 1]] = [order[i + 1], order[i]];
    }
    return { order };
  },
};
