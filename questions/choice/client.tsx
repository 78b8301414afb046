// The browser side shared by the choice family: a list of radio buttons (pick one) or
// checkboxes (pick several), and the words for feedback and the revealed answer.
import type { ClientQuestionType } from "../client-contract";
import type { OptionsPublic, PickOneResponse, PickSeveralResponse } from "./types";

type OptionsProps<T extends string> = { question: OptionsPublic<T>; chosen: readonly string[]; multiple: boolean; onPick: (ids: string[]) => void };

function Options<T extends string>({ question: q, chosen, multiple, onPick }: OptionsProps<T>) {
  const picked = new Set(chosen);
  return (
    <ul className="options">
      {q.options.map((o) => (
        <li key={o.id}>
          <label className="option">
            <input
              type={multiple ? "checkbox" : "radio"}
              name={q.id}
              value={o.id}
              checked={picked.has(o.id)}
              onChange={(e) => {
                if (!multiple) return onPick([o.id]);
                const next = new Set(picked);
                if (e.target.checked) next.add(o.id);
                else next.delete(o.id);
                onPick(q.options.map((x) => x.id).filter((id) => next.has(id)));
              }}
            />
            <span>{o.text}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

const optionText = <T extends string>(q: OptionsPublic<T>, id: string) => q.options.find((o) => o.id === id)?.text ?? id;

export function pickOneClient<T extends string>(type: T, hint: string): ClientQuestionType<OptionsPublic<T>, PickOneResponse> {
  return {
    type,
    hint,
    Input: ({ question, response, onChange }) => (
      <Options question={question} chosen={response?.choice ? [response.choice] : []} multiple={false} onPick={([choice]) => onChange({ choice })} />
    ),
    initial: () => undefined,
    isAnswered: (_q, r) => Boolean(r?.choice),
    label: optionText,
    keyText: (q, key) => optionText(q, key.choice),
  };
}

export function pickSeveralClient<T extends string>(type: T, hint: string): ClientQuestionType<OptionsPublic<T>, PickSeveralResponse> {
  return {
    type,
    hint,
    Input: ({ question, response, onChange }) => <Options question={question} chosen={response?.choices ?? []} multiple onPick={(choices) => onChange({ choices })} />,
    initial: () => undefined,
    isAnswered: (_q, r) => (r?.choices.length ?? 0) > 0,
    label: optionText,
    keyText: (q, key) => key.choices.map((id) => optionText(q, id)).join("; "),
  };
}
