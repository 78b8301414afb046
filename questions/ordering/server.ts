// Ordering on the server. Score: the share of items in their correct position. Item ids
// follow the shuffled display order, so an id never hints at the right position.
import { createHash } from "node:crypto";
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import type { ServerQuestionType, Tally } from "../contract";
import { responseIds } from "../schema";
import { childId, round } from "../choice/server";
import { ITEM, type OrderingDefinition, type OrderingPublic, type OrderingResponse } from "./types";

/** A shuffle that is the same on every build, and never the authored order. */
export function displayPermutation(seed: string, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
}

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
    const perm = displayPermutation(input.id, authored.length);
    const idOfAuthored = new Array<string>(authored.length);
    perm.forEach((authoredIndex, displayIndex) => (idOfAuthored[authoredIndex] = childId("i", displayIndex + 1)));
    return {
      type: "ordering",
      items: authored.map((it, i) => ({ id: idOfAuthored[i], ...it })),
      displayOrder: perm.map((i) => idOfAuthored[i]),
    };
  },
  choices: (q) => q.items.map(({ id, text, feedback }) => ({ id, text, feedback })),
  toPublic(q) {
    const byId = new Map(q.items.map((i) => [i.id, i]));
    return { type: "ordering", items: q.displayOrder.map((id) => ({ id, text: byId.get(id)!.text })) };
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
  // Each item is marked right or wrong; its own feedback (which says where it belongs) is
  // shown when it is right, or with `reveal`.
  feedback: (q, r, reveal) =>
    q.items.map((item, i) => {
      const right = r.order[i] === item.id;
      return { id: item.id, correct: right, text: right || reveal ? item.feedback : "" };
    }),
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
