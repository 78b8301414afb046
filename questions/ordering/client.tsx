// Ordering in the browser: the items in a list, each with "up" and "down" buttons (keyboard
// and screen-reader friendly, no dragging needed); each move is announced.
import { useState } from "react";
import type { ClientQuestionType, InputProps } from "../client-contract";
import type { OrderingPublic, OrderingResponse } from "./types";

function OrderingInput({ question: q, response, onChange }: InputProps<OrderingPublic, OrderingResponse>) {
  const [announcement, setAnnouncement] = useState("");
  const order = response && response.order.length === q.items.length ? response.order : q.items.map((i) => i.id);
  const text = new Map(q.items.map((i) => [i.id, i.text]));
  const move = (from: number, to: number, focusId: string) => {
    const next = [...order];
    const [id] = next.splice(from, 1);
    next.splice(to, 0, id);
    onChange({ order: next });
    setAnnouncement(`“${text.get(id)}” moved to position ${to + 1} of ${order.length}.`);
    requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };
  return (
    <>
      <ol className="ordering">
        {order.map((id, i) => (
          <li key={id} className="ordering__item">
            <span className="ordering__text">{text.get(id)}</span>
            <span className="ordering__buttons">
              <button
                type="button"
                id={`${q.id}-${id}-up`}
                className="button button--small"
                disabled={i === 0}
                aria-label={`Move “${text.get(id)}” up`}
                onClick={() => move(i, i - 1, `${q.id}-${id}-up`)}
              >
                ↑
              </button>
              <button
                type="button"
                id={`${q.id}-${id}-down`}
                className="button button--small"
                disabled={i === order.length - 1}
                aria-label={`Move “${text.get(id)}” down`}
                onClick={() => move(i, i + 1, `${q.id}-${id}-down`)}
              >
                ↓
              </button>
            </span>
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </>
  );
}

const itemText = (q: OrderingPublic, id: string) => q.items.find((i) => i.id === id)?.text ?? id;

export const ordering: ClientQuestionType<OrderingPublic, OrderingResponse> = {
  type: "ordering",
  hint: "Use the buttons to put the items in order.",
  Input: OrderingInput,
  // The order shown is itself an answer.
  initial: (q) => ({ order: q.items.map((i) => i.id) }),
  isAnswered: (_q, r) => r !== undefined,
  label: itemText,
  keyText: (q, key) => key.order.map((id, i) => `${i + 1}. ${itemText(q, id)}`).join("  "),
};
