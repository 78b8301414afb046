"use client";
// One question as the student answers it: its number and prompt, a one-line hint, and the
// controls of its type (from the browser's registry, questions/client.ts), in a fieldset that
// is disabled while the answers are sent or once they are graded.
import type { PublicQuestion, QuestionResponse } from "@/lib/quiz";
import { clientType } from "@/questions/client";

type Props = {
  question: PublicQuestion;
  number: number;
  headingId: string;
  response: QuestionResponse | undefined;
  disabled: boolean;
  onChange: (r: QuestionResponse) => void;
};

export function QuestionInput({ question: q, number, headingId, response, disabled, onChange }: Props) {
  const hintId = `${headingId}-hint`;
  const { hint, Input } = clientType(q);
  return (
    <fieldset className="question__fieldset" disabled={disabled} aria-describedby={hintId}>
      <legend className="visually-hidden">Question {number}</legend>
      <div className="question__prompt" id={headingId} tabIndex={-1}>
        <span className="question__number">Question {number}</span>
        {/* Authored lesson content, rendered to HTML on the server from Markdown only. */}
        <div dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
      </div>
      <p className="question__hint" id={hintId}>
        {hint}
      </p>
      <Input question={q} headingId={headingId} response={response} disabled={disabled} onChange={onChange} />
    </fieldset>
  );
}
