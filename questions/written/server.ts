// Written on the server. The server cannot score the text: a non-empty answer waits for an
// instructor (`rubric` marks the type as scored by a person; questions/server.ts gradeQuestion
// says "pending"), and the score it then gets is the chosen level's points over the rubric's
// highest (reviewScore). An empty answer scores 0 and waits for no one.
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import type { RubricLevel, ServerQuestionType } from "../contract";
import { ANSWER_BOX, DEFAULT_MAX_LENGTH, EXEMPLAR, LEVEL, MAX_LENGTH_RANGE, type WrittenDefinition, type WrittenPublic, type WrittenResponse } from "./types";

const LEVEL_ID = /^[a-z][a-z0-9-]*$/;
const titleCase = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, " ");
const answered = (r: WrittenResponse) => r.text.trim() !== "";

export const written: ServerQuestionType<WrittenDefinition, WrittenPublic, WrittenResponse> = {
  type: "written",
  build(input) {
    let maxLength = DEFAULT_MAX_LENGTH;
    const boxes = input.parts.AnswerBox ?? [];
    if (boxes.length > 1) input.problem(boxes[1], `Question "${input.id}" has more than one <AnswerBox>.`);
    if (boxes[0]) {
      const a = input.attributes(boxes[0], ANSWER_BOX);
      if (a.maxLength !== undefined) {
        const n = Number(a.maxLength);
        if (!Number.isInteger(n) || n < MAX_LENGTH_RANGE.min || n > MAX_LENGTH_RANGE.max) {
          input.problem(boxes[0], `Question "${input.id}": maxLength must be a whole number of characters from ${MAX_LENGTH_RANGE.min} to ${MAX_LENGTH_RANGE.max}.`);
        } else maxLength = n;
      }
    }

    const levels: RubricLevel[] = [];
    for (const node of input.parts.Level ?? []) {
      const a = input.attributes(node, LEVEL);
      const id = typeof a.id === "string" ? a.id.trim() : "";
      const points = Number(a.points);
      const descriptor = toString(node).trim();
      if (id && !LEVEL_ID.test(id)) input.problem(node, `Question "${input.id}": level id "${id}" must be a lower-case word, like "mastery".`);
      if (levels.some((l) => l.id === id)) input.problem(node, `Question "${input.id}": level "${id}" is written twice.`);
      if (a.points !== undefined && (!Number.isInteger(points) || points < 0 || points > 10)) {
        input.problem(node, `Question "${input.id}": level "${id}" needs points="…" as a whole number from 0 to 10.`);
      }
      if (!descriptor) input.problem(node, `Question "${input.id}": level "${id}" needs a descriptor (what an answer at this level does).`);
      if (id) levels.push({ id, label: typeof a.label === "string" && a.label.trim() ? a.label.trim() : titleCase(id), points: Number.isInteger(points) ? points : 0, descriptor });
    }
    levels.sort((a, b) => a.points - b.points);
    if (levels.length < 2) input.problem(input.node, `Question "${input.id}" needs a rubric of at least two <Level>s (beginning, emerging, mastery).`);
    else if (new Set(levels.map((l) => l.points)).size !== levels.length) input.problem(input.node, `Question "${input.id}": two levels have the same points.`);
    else if (levels[0].points !== 0) input.problem(input.node, `Question "${input.id}": the lowest level must be worth 0 points.`);

    const exemplars: Record<string, string> = {};
    for (const node of input.parts.Exemplar ?? []) {
      const a = input.attributes(node, EXEMPLAR);
      const level = typeof a.level === "string" ? a.level.trim() : "";
      const text = toString(node).trim();
      if (level && !levels.some((l) => l.id === level)) input.problem(node, `Question "${input.id}": <Exemplar level="${level}"> names no <Level>.`);
      else if (level in exemplars) input.problem(node, `Question "${input.id}": level "${level}" has two exemplars.`);
      else if (!text) input.problem(node, `Question "${input.id}": the exemplar for "${level}" is empty.`);
      else if (text.length > maxLength) input.problem(node, `Question "${input.id}": the exemplar for "${level}" is longer than the answer box allows (${maxLength}).`);
      else exemplars[level] = text;
    }
    return { type: "written", maxLength, levels, exemplars };
  },
  choices: () => [],
  // The rubric, copied field by field; never the exemplars.
  toPublic: (q) => ({ type: "written", maxLength: q.maxLength, levels: q.levels.map(({ id, label, points, descriptor }) => ({ id, label, points, descriptor })) }),
  response: z.strictObject({ text: z.string().max(MAX_LENGTH_RANGE.max) }),
  expects: "a written answer (text)",
  check: (q, r) => (r.text.length > q.maxLength ? `Your answer to "${q.id}" is ${r.text.length} characters long; the limit is ${q.maxLength}. Nothing was saved.` : null),
  empty: () => ({ text: "" }),
  score: () => 0,
  rubric: (q) => q.levels,
  exemplars: (q) => q.exemplars,
  needsReview: (_q, r) => answered(r),
  // There is no single right text: the rubric says what a strong answer does.
  key: () => ({ text: "" }),
  feedback: () => [],
  lean: () => null,
  describe: (_q, r) => (answered(r) ? [r.text.trim()] : []),
  separator: "",
  // Item analysis tallies a written question by the levels it was given (server/reports/items.ts).
  tally: (_q, responses) => [{ label: "Written answers", correct: false, count: responses.length, feedback: "" }],
  sample: (q, right, random) => {
    const top = q.levels.at(-1)?.id ?? "";
    const bottom = q.levels[0]?.id ?? "";
    const text = q.exemplars[right ? top : bottom] ?? (right ? "A careful answer that says who is behind the claim." : random() < 0.5 ? "It is on the news so it is true." : "I don't trust it.");
    return { text: text.slice(0, q.maxLength) };
  },
};
