// Server helpers shared by the choice family (single, multiple, truefalse) and by highlight,
// whose phrases are chosen like options: reading options from MDX, partial credit, feedback,
// report text and tallies.
import { createHash } from "node:crypto";
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import type { BuildInput, Choice, Discern, FeedbackEntry, ServerQuestionType, Tally } from "../contract";
import { OPTION, type ChoiceOption, type OptionsDefinition, type OptionsPublic, type PickOneResponse, type PublicOption } from "./types";

/** Stable short id for the n-th phrase of a passage (1-based): a phrase's place is shown anyway. */
export const childId = (prefix: string, n: number) => `${prefix}${n}`;

/**
 * Ids for the options or items of a question, made from their text: stable across builds and
 * edits elsewhere in the question, and saying nothing about the authored order (which may
 * follow the key, as an ordering's always does).
 */
export function textIds(prefix: string, questionId: string, texts: readonly string[]): string[] {
  const used = new Set<string>();
  return texts.map((text) => {
    for (let salt = 0; ; salt++) {
      const id = prefix + createHash("sha256").update(`${questionId}\u0000${text}\u0000${salt}`).digest("base64url").replace(/[-_]/g, "").slice(0, 6);
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  });
}

const round = (n: number) => Math.round(n * 10000) / 10000;
export { round };

/** Reads a `lean` attribute, reporting a value that is neither "trust" nor "doubt". */
export function readLean(input: BuildInput, node: Parameters<BuildInput["problem"]>[0], value: string | true | undefined, what: string): Discern | undefined {
  if (value === "trust" || value === "doubt") return value;
  if (value !== undefined) input.problem(node, `Question "${input.id}": ${what} has lean="${String(value)}"; use "trust" or "doubt".`);
  return undefined;
}

/** The <Option> children of a choice question, with ids in authored order. */
export function readOptions(input: BuildInput): ChoiceOption[] {
  const nodes = input.parts.Option ?? [];
  const ids = textIds("o", input.id, nodes.map((o) => toString(o).trim()));
  return nodes.map((o, i) => {
    const a = input.attributes(o, OPTION);
    const text = toString(o).trim();
    if (!text) input.problem(o, `Question "${input.id}": option ${i + 1} has no text.`);
    const lean = readLean(input, o, a.lean, `option ${i + 1}`);
    return {
      id: ids[i],
      text,
      correct: a.correct === true,
      feedback: typeof a.feedback === "string" ? a.feedback.trim() : "",
      ...(lean ? { lean } : {}),
    };
  });
}

export const publicOptions = (options: readonly ChoiceOption[]): PublicOption[] => options.map((o) => ({ id: o.id, text: o.text }));

export const asChoices = (options: readonly ChoiceOption[]): Choice[] =>
  options.map(({ id, text, feedback, correct, lean }) => ({ id, text, feedback, correct, ...(lean ? { lean } : {}) }));

/** Ids a response names that are not among `known`, or listed twice: a message, else null. */
export function unknownOrRepeated(questionId: string, ids: readonly string[], known: readonly { id: string }[], noun: string): string | null {
  const valid = new Set(known.map((k) => k.id));
  const bad = ids.find((id) => !valid.has(id));
  if (bad !== undefined) return `Question "${questionId}" has no ${noun} "${bad}".`;
  if (new Set(ids).size !== ids.length) return `Question "${questionId}" lists ${noun === "option" ? "an option" : `a ${noun}`} twice.`;
  return null;
}

/**
 * Partial credit for choosing several: each correct choice earns 1/k (k = number of correct
 * choices), each wrong one takes 1/k away, never below 0 — so ticking everything does not pay
 * (docs/decisions: partial credit).
 */
export function choiceCredit(chosen: readonly string[], choices: readonly { id: string; correct: boolean }[]): number {
  const correct = new Set(choices.filter((c) => c.correct).map((c) => c.id));
  if (correct.size === 0) return 0;
  let hits = 0;
  let wrong = 0;
  for (const id of new Set(chosen)) {
    if (correct.has(id)) hits++;
    else wrong++;
  }
  return round(Math.max(0, (hits - wrong) / correct.size));
}

/**
 * Feedback on each chosen option (it explains that choice, written so that it does not open
 * with a verdict); with `reveal`, on every option, marked right or wrong. Without it, no mark:
 * the question's score is all that says how the choices fared.
 */
export function choiceFeedback(choices: readonly { id: string; correct: boolean; feedback: string }[], chosen: readonly string[], reveal: boolean): FeedbackEntry[] {
  const picked = new Set(chosen);
  return choices.filter((c) => picked.has(c.id) || reveal).map((c) => ({ id: c.id, correct: reveal ? c.correct : null, text: c.feedback }));
}

/** The texts of the chosen options, in the question's order. */
export function chosenTexts(choices: readonly { id: string; text: string }[], chosen: readonly string[]): string[] {
  return chosen.map((id) => choices.find((c) => c.id === id)?.text ?? id);
}

/**
 * One row per option, in the authored order (options nobody chose included); a multiple-select
 * answer counts once for each option ticked.
 */
export function choiceTally(choices: readonly { id: string; text: string; correct: boolean; feedback: string }[], responses: readonly (readonly string[])[]): Tally[] {
  const counts = new Map<string, number>();
  for (const ids of responses) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return choices.map((c) => ({ label: c.text, correct: c.correct, count: counts.get(c.id) ?? 0, feedback: c.feedback }));
}

/** A made-up pick of several: the key when right, else some correct ones and a wrong one. */
export function sampleSeveral(choices: readonly { id: string; correct: boolean }[], right: boolean, random: () => number): string[] {
  const correct = choices.filter((c) => c.correct).map((c) => c.id);
  if (right) return correct;
  const wrong = choices.filter((c) => !c.correct).map((c) => c.id);
  const kept = correct.filter(() => random() < 0.6);
  return wrong.length ? [...kept, wrong[Math.floor(random() * wrong.length)]] : kept;
}

/** A made-up pick of one: the key when right; else the first wrong option (the "attractive" one) most often. */
export function sampleOne(choices: readonly { id: string; correct: boolean }[], right: boolean, random: () => number): string {
  const wrong = choices.filter((c) => !c.correct);
  if (right || wrong.length === 0) return choices.find((c) => c.correct)!.id;
  return (random() < 0.6 ? wrong[0] : wrong[Math.floor(random() * wrong.length)]).id;
}

/**
 * The server side of a type where the student picks one option (single, truefalse). `extra`
 * adds the type's own rule about its options.
 */
export function pickOneType<T extends string>(
  type: T,
  extra: (input: BuildInput, options: ChoiceOption[]) => void,
): ServerQuestionType<OptionsDefinition<T>, OptionsPublic<T>, PickOneResponse> {
  return {
    type,
    build(input) {
      const options = readOptions(input);
      const correct = options.filter((o) => o.correct).length;
      if (options.length < 2) input.problem(input.node, `Question "${input.id}" needs at least two options.`);
      extra(input, options);
      if (correct !== 1) input.problem(input.node, `Question "${input.id}" needs exactly one option marked correct (it has ${correct}).`);
      return { type, options };
    },
    choices: (q) => asChoices(q.options),
    toPublic: (q, shuffle) => ({ type: q.type, options: publicOptions(shuffle(q.options)) }),
    response: z.strictObject({ choice: z.string().max(40) }),
    expects: "one choice",
    check: (q, r) => (r.choice !== "" && !q.options.some((o) => o.id === r.choice) ? `Question "${q.id}" has no option "${r.choice}".` : null),
    empty: () => ({ choice: "" }),
    score: (q, r) => (q.options.some((o) => o.id === r.choice && o.correct) ? 1 : 0),
    key: (q) => ({ choice: q.options.find((o) => o.correct)!.id }),
    feedback: (q, r, reveal) => choiceFeedback(q.options, [r.choice], reveal),
    lean: (q, r) => q.options.find((o) => o.id === r.choice)?.lean ?? null,
    describe: (q, r) => (r.choice ? chosenTexts(q.options, [r.choice]) : []),
    separator: "; ",
    tally: (q, responses) => choiceTally(q.options, responses.map((r) => (r.choice ? [r.choice] : []))),
    sample: (q, right, random) => ({ choice: sampleOne(q.options, right, random) }),
  };
}
