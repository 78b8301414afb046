// What the browser does with one question type (the other half of ./contract.ts). Browser
// code: it sees only a type's public form, never a definition or key.
import type { ComponentType } from "react";

export type InputProps<P, R> = {
  question: P;
  /** The id of the element that names the question (its prompt), for labels and focus. */
  headingId: string;
  response: R | undefined;
  disabled: boolean;
  onChange: (r: R) => void;
};

export interface ClientQuestionType<P extends { type: string }, R> {
  type: P["type"];
  /** One line telling the student how to answer, shown under the prompt. */
  hint: string;
  /** The controls: native form controls or buttons, so keyboard and screen readers work. */
  Input: ComponentType<InputProps<P, R>>;
  /** The response the question starts with, if it has one (an ordering's shown order). */
  initial(q: P): R | undefined;
  /** Whether the student has answered it (unanswered questions are counted before submitting). */
  isAnswered(q: P, r: R | undefined): boolean;
  /** The words of one option, item or phrase, by id, for the feedback list. */
  label(q: P, id: string): string;
  /** The correct response in words, when the answers are revealed. */
  keyText(q: P, key: R): string;
}
