// Highlight in the browser: the passage with each selectable phrase as a toggle button
// (aria-pressed), so selection works with the keyboard and is announced.
import type { ClientQuestionType, InputProps } from "../client-contract";
import type { HighlightPublic, HighlightResponse } from "./types";

function HighlightInput({ question: q, response, onChange }: InputProps<HighlightPublic, HighlightResponse>) {
  const chosen = new Set(response?.choices ?? []);
  const order = q.passage.flatMap((p) => ("phraseId" in p ? [p.phraseId] : []));
  return (
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
  );
}

const phraseText = (q: HighlightPublic, id: string) => {
  const part = q.passage.find((p) => "phraseId" in p && p.phraseId === id);
  return part ? `“${part.text}”` : id;
};

export const highlight: ClientQuestionType<HighlightPublic, HighlightResponse> = {
  type: "highlight",
  hint: "Select every phrase that fits. Selected phrases are marked.",
  Input: HighlightInput,
  initial: () => undefined,
  isAnswered: (_q, r) => (r?.choices.length ?? 0) > 0,
  label: phraseText,
  keyText: (q, key) => key.choices.map((id) => phraseText(q, id)).join("; "),
};
