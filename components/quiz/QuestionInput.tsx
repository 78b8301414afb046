"use client";
// The controls for each question type. All are native form controls or buttons, so they work
// with the keyboard alone and announce themselves to screen readers.
import { useState } from "react";
import type { PublicQuestion, QuestionResponse } from "@/lib/quiz";

type Props = {
  question: PublicQuestion;
  number: number;
  headingId: string;
  response: QuestionResponse | undefined;
  disabled: boolean;
  onChange: (r: QuestionResponse) => void;
};

function Prompt({ question, number, headingId }: Pick<Props, "question" | "number" | "headingId">) {
  return (
    <div className="question__prompt" id={headingId} tabIndex={-1}>
      <span className="question__number">Question {number}</span>
      {/* Authored lesson content, rendered to HTML on the server from Markdown only. */}
      <div dangerouslySetInnerHTML={{ __html: question.promptHtml }} />
    </div>
  );
}

const TYPE_HINTS: Record<PublicQuestion["type"], string> = {
  single: "Choose one answer.",
  truefalse: "Choose true or false.",
  multiple: "Choose every answer that applies.",
  ordering: "Use the buttons to put the items in order.",
  categorise: "Choose a group for each item.",
  highlight: "Select every phrase that fits. Selected phrases are marked.",
};

export function QuestionInput({ question: q, number, headingId, response, disabled, onChange }: Props) {
  const hintId = `${headingId}-hint`;
  const common = (
    <>
      <Prompt question={q} number={number} headingId={headingId} />
      <p className="question__hint" id={hintId}>
        {TYPE_HINTS[q.type]}
      </p>
    </>
  );

  switch (q.type) {
    case "single":
    case "truefalse":
    case "multiple": {
      const multiple = q.type === "multiple";
      const chosen = new Set(response && "choices" in response ? response.choices : response && "choice" in response ? [response.choice] : []);
      return (
        <fieldset className="question__fieldset" disabled={disabled} aria-describedby={hintId}>
          <legend className="visually-hidden">Question {number}</legend>
          {common}
          <ul className="options">
            {q.options.map((o) => (
              <li key={o.id}>
                <label className="option">
                  <input
                    type={multiple ? "checkbox" : "radio"}
                    name={`${q.id}`}
                    value={o.id}
                    checked={chosen.has(o.id)}
                    onChange={(e) => {
                      if (!multiple) return onChange({ choice: o.id });
                      const next = new Set(chosen);
                      if (e.target.checked) next.add(o.id);
                      else next.delete(o.id);
                      onChange({ choices: q.options.map((x) => x.id).filter((id) => next.has(id)) });
                    }}
                  />
                  <span>{o.text}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      );
    }
    case "ordering":
      return <Ordering q={q} common={common} hintId={hintId} response={response} disabled={disabled} onChange={onChange} number={number} />;
    case "categorise": {
      const placements = response && "placements" in response ? response.placements : {};
      return (
        <fieldset className="question__fieldset" disabled={disabled} aria-describedby={hintId}>
          <legend className="visually-hidden">Question {number}</legend>
          {common}
          <ul className="categorise">
            {q.items.map((item) => (
              <li key={item.id} className="categorise__item">
                <label htmlFor={`${q.id}-${item.id}`} className="categorise__text">
                  {item.text}
                </label>
                <select
                  id={`${q.id}-${item.id}`}
                  value={placements[item.id] ?? ""}
                  onChange={(e) => {
                    const next = { ...placements };
                    if (e.target.value) next[item.id] = e.target.value;
                    else delete next[item.id];
                    onChange({ placements: next });
                  }}
                >
                  <option value="">Choose a group…</option>
                  {q.categories.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </li>
            ))}
          </ul>
        </fieldset>
      );
    }
    case "highlight": {
      const chosen = new Set(response && "choices" in response ? response.choices : []);
      const order = q.passage.flatMap((p) => ("phraseId" in p ? [p.phraseId] : []));
      return (
        <fieldset className="question__fieldset" disabled={disabled} aria-describedby={hintId}>
          <legend className="visually-hidden">Question {number}</legend>
          {common}
          <p className="passage">
            {q.passage.map((part, i) =>
              "phraseId" in part ? (
                <button
                  key={i}
                  type="button"
                  className="phrase"
                  aria-pressed={chosen.has(part.phraseId)}
                  onClick={() => {
                    const next = new Set(chosen);
                    if (next.has(part.phraseId)) next.delete(part.phraseId);
                    else next.add(part.phraseId);
                    onChange({ choices: order.filter((id) => next.has(id)) });
                  }}
                >
                  {part.text}
                </button>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </p>
        </fieldset>
      );
    }
  }
}

function Ordering({
  q,
  common,
  hintId,
  response,
  disabled,
  onChange,
  number,
}: {
  q: Extract<PublicQuestion, { type: "ordering" }>;
  common: React.ReactNode;
  hintId: string;
  response: QuestionResponse | undefined;
  disabled: boolean;
  onChange: (r: QuestionResponse) => void;
  number: number;
}) {
  const [announcement, setAnnouncement] = useState("");
  const order = response && "order" in response && response.order.length === q.items.length ? response.order : q.items.map((i) => i.id);
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
    <fieldset className="question__fieldset" disabled={disabled} aria-describedby={hintId}>
      <legend className="visually-hidden">Question {number}</legend>
      {common}
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
    </fieldset>
  );
}
