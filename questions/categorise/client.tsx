// Categorise in the browser: a native select per item, labelled by the item's text.
import type { ClientQuestionType, InputProps } from "../client-contract";
import type { CategorisePublic, CategoriseResponse } from "./types";

function CategoriseInput({ question: q, response, onChange }: InputProps<CategorisePublic, CategoriseResponse>) {
  const placements = response?.placements ?? {};
  return (
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
  );
}

export const categorise: ClientQuestionType<CategorisePublic, CategoriseResponse> = {
  type: "categorise",
  hint: "Choose a group for each item.",
  Input: CategoriseInput,
  initial: () => undefined,
  isAnswered: (q, r) => r !== undefined && q.items.every((i) => r.placements[i.id]),
  label: (q, id) => q.items.find((i) => i.id === id)?.text ?? id,
  keyText: (q, key) => q.items.map((i) => `${i.text} → ${q.categories.find((c) => c.id === key.placements[i.id])?.label ?? "?"}`).join("; "),
};
