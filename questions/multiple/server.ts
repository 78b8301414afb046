// Multiple select on the server. Partial credit that punishes guessing: each correct option
// ticked earns 1/k, each wrong one takes 1/k away, never below 0 (choiceCredit).
import { z } from "zod";
import type { ServerQuestionType } from "../contract";
import { responseIds } from "../schema";
import { asChoices, choiceCredit, choiceFeedback, choiceTally, chosenTexts, publicOptions, readOptions, sampleSeveral, unknownOrRepeated } from "../choice/server";
import type { MultipleDefinition, MultiplePublic, MultipleResponse } from "./types";

export const multiple: ServerQuestionType<MultipleDefinition, MultiplePublic, MultipleResponse> = {
  type: "multiple",
  build(input) {
    const options = readOptions(input);
    if (options.length < 2) input.problem(input.node, `Question "${input.id}" needs at least two options.`);
    if (!options.some((o) => o.correct)) input.problem(input.node, `Question "${input.id}" needs at least one option marked correct.`);
    return { type: "multiple", options };
  },
  choices: (q) => asChoices(q.options),
  toPublic: (q, shuffle) => ({ type: q.type, options: publicOptions(shuffle(q.options)) }),
  response: z.strictObject({ choices: responseIds }),
  expects: "a list of choices",
  check: (q, r) => unknownOrRepeated(q.id, r.choices, q.options, "option"),
  empty: () => ({ choices: [] }),
  score: (q, r) => choiceCredit(r.choices, q.options),
  key: (q) => ({ choices: q.options.filter((o) => o.correct).map((o) => o.id) }),
  feedback: (q, r, reveal) => choiceFeedback(q.options, r.choices, reveal),
  // The lean every ticked option shares, if they share one.
  lean(q, r) {
    const leans = new Set(q.options.filter((o) => r.choices.includes(o.id)).map((o) => o.lean ?? null));
    return leans.size === 1 ? [...leans][0] : null;
  },
  describe: (q, r) => chosenTexts(q.options, r.choices),
  separator: "; ",
  tally: (q, responses) => choiceTally(q.options, responses.map((r) => r.choices)),
  sample: (q, right, random) => ({ choices: sampleSeveral(q.options, right, random) }),
};
