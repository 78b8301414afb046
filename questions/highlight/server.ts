// Highlight on the server. Phrases are chosen like the options of a multiple-select question:
// the same partial credit (choiceCredit), feedback and tallies.
import type { Nodes } from "mdast";
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import type { ServerQuestionType } from "../contract";
import { responseIds } from "../schema";
import { childId, choiceCredit, choiceFeedback, choiceTally, chosenTexts, sampleSeveral, unknownOrRepeated } from "../choice/server";
import { PASSAGE, PHRASE, type HighlightDefinition, type HighlightPublic, type HighlightResponse, type PassagePart, type Phrase } from "./types";

export const highlight: ServerQuestionType<HighlightDefinition, HighlightPublic, HighlightResponse> = {
  type: "highlight",
  build(input) {
    const passages = input.parts.Passage ?? [];
    if (passages.length !== 1) {
      input.problem(input.node, `Question "${input.id}" needs exactly one <Passage>.`);
      return null;
    }
    const [passageNode] = passages;
    input.attributes(passageNode, PASSAGE);
    const passage: PassagePart[] = [];
    const phrases: Phrase[] = [];
    const walk = (n: Nodes) => {
      if ((n.type === "mdxJsxFlowElement" || n.type === "mdxJsxTextElement") && n.name === "Phrase") {
        const a = input.attributes(n, PHRASE);
        const phraseId = childId("p", phrases.length + 1);
        phrases.push({ id: phraseId, text: toString(n), correct: a.correct === true, feedback: typeof a.feedback === "string" ? a.feedback.trim() : "" });
        passage.push({ phraseId, text: toString(n) });
      } else if (n.type === "mdxJsxFlowElement" || n.type === "mdxJsxTextElement") {
        input.problem(n, `Question "${input.id}": only <Phrase> can be used inside a <Passage>.`);
      } else if (n.type === "paragraph") {
        if (passage.length > 0) passage.push({ text: "\n\n" });
        n.children.forEach((c) => walk(c as Nodes));
      } else if ("children" in n) {
        n.children.forEach((c) => walk(c as Nodes));
      } else if ("value" in n) {
        passage.push({ text: n.value });
      }
    };
    passageNode.children.forEach((c) => walk(c as Nodes));
    if (phrases.length === 0) input.problem(passageNode, `Question "${input.id}": the passage has no <Phrase> to select.`);
    else if (!phrases.some((p) => p.correct)) input.problem(passageNode, `Question "${input.id}": mark at least one <Phrase> correct.`);
    return { type: "highlight", passage, phrases };
  },
  choices: (q) => q.phrases.map(({ id, text, feedback, correct }) => ({ id, text, feedback, correct })),
  // The passage keeps its order: phrases are read in place (their ids follow the text).
  toPublic: (q) => ({ type: "highlight", passage: q.passage.map((p) => ("phraseId" in p ? { phraseId: p.phraseId, text: p.text } : { text: p.text })) }),
  response: z.strictObject({ choices: responseIds }),
  expects: "a list of phrases",
  check: (q, r) => unknownOrRepeated(q.id, r.choices, q.phrases, "phrase"),
  empty: () => ({ choices: [] }),
  score: (q, r) => choiceCredit(r.choices, q.phrases),
  key: (q) => ({ choices: q.phrases.filter((p) => p.correct).map((p) => p.id) }),
  feedback: (q, r, reveal) => choiceFeedback(q.phrases, r.choices, reveal),
  lean: () => null,
  describe: (q, r) => chosenTexts(q.phrases, r.choices),
  separator: "; ",
  tally: (q, responses) => choiceTally(q.phrases, responses.map((r) => r.choices)),
  sample: (q, right, random) => ({ choices: sampleSeveral(q.phrases, right, random) }),
};
