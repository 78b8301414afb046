"use client";
// Scoring one written answer by keyboard: the rubric's levels are radio buttons (arrow keys
// move between them), and the number keys 1, 2, 3 … pick a level from anywhere on the form
// except inside the comment box; Enter on a level, or the button, saves. The form posts to a
// server action (reviewAnswerAction), so it works before script loads too.
import { useActionState, useRef, type KeyboardEvent } from "react";
import type { FormState } from "@/lib/validation";

type Level = { id: string; label: string; points: number; descriptor: string; exemplar: string | null };
type Props = {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  hidden: Record<string, string>;
  levels: Level[];
  current: string | null;
  comment: string;
  submitLabel: string;
};

export function ReviewForm({ action, hidden, levels, current, comment, submitLabel }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);

  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    if (e.target instanceof HTMLTextAreaElement || e.altKey || e.ctrlKey || e.metaKey) return;
    const n = Number(e.key);
    if (!Number.isInteger(n) || n < 1 || n > levels.length) return;
    e.preventDefault();
    const radio = form.current?.querySelector<HTMLInputElement>(`input[name="level"][value="${levels[n - 1].id}"]`);
    if (radio) {
      radio.checked = true;
      radio.focus();
    }
  }

  return (
    <form ref={form} action={formAction} className="form review__form" onKeyDown={onKeyDown}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <fieldset className="review__levels">
        <legend>Level (press 1–{levels.length})</legend>
        {levels.map((l, i) => (
          <div key={l.id} className="review__level">
            <input type="radio" id={`level-${l.id}`} name="level" value={l.id} defaultChecked={current === l.id} required aria-describedby={`level-${l.id}-descriptor`} />
            <label htmlFor={`level-${l.id}`}>
              <kbd>{i + 1}</kbd> {l.label} ({l.points} {l.points === 1 ? "point" : "points"})
            </label>
            <p id={`level-${l.id}-descriptor`} className="review__descriptor">
              {l.descriptor}
            </p>
            {l.exemplar ? (
              <details className="review__exemplar">
                <summary>Example answer at this level</summary>
                <p>{l.exemplar}</p>
              </details>
            ) : null}
          </div>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="review-comment">Comment for the student (optional)</label>
        <textarea id="review-comment" name="comment" rows={4} maxLength={2000} defaultValue={comment} />
      </div>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </button>
      {state && !state.ok ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
