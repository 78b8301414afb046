// Written in the browser: a text box (native textarea, labelled by the prompt) with a
// character count announced politely, and the rubric the answer will be scored with.
import type { ClientQuestionType, InputProps } from "../client-contract";
import type { WrittenPublic, WrittenResponse } from "./types";

function WrittenInput({ question: q, headingId, response, onChange }: InputProps<WrittenPublic, WrittenResponse>) {
  const text = response?.text ?? "";
  const countId = `${headingId}-count`;
  const near = text.length >= q.maxLength * 0.9;
  return (
    <div className="written">
      <textarea
        id={`${headingId}-text`}
        className="written__text"
        aria-labelledby={headingId}
        aria-describedby={countId}
        rows={6}
        maxLength={q.maxLength}
        value={text}
        onChange={(e) => onChange({ text: e.target.value.slice(0, q.maxLength) })}
      />
      <p className="written__count" id={countId} aria-live={near ? "polite" : "off"}>
        {text.length} of {q.maxLength} characters
      </p>
      <details className="written__rubric">
        <summary>How your answer is scored</summary>
        <dl>
          {q.levels.map((l) => (
            <div key={l.id}>
              <dt>
                {l.label} ({l.points} {l.points === 1 ? "point" : "points"})
              </dt>
              <dd>{l.descriptor}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}

export const written: ClientQuestionType<WrittenPublic, WrittenResponse> = {
  type: "written",
  hint: "Write your answer in your own words. Your instructor scores it with the rubric under the box.",
  Input: WrittenInput,
  initial: () => undefined,
  isAnswered: (_q, r) => (r?.text.trim().length ?? 0) > 0,
  label: (q, id) => q.levels.find((l) => l.id === id)?.label ?? id,
  keyText: () => "Scored by your instructor with the rubric.",
};
