import { describe, expect, it } from "vitest";
import type { QuestionDefinition, QuestionResponse } from "@/questions";
import { answerKey, emptyResponse, gradeQuestion, questionResult, responseError } from "./server";

const base = { quizId: "q", promptHtml: "<p>?</p>", promptText: "?", explanationHtml: "<p>Because.</p>" };
const single: QuestionDefinition = {
  ...base,
  id: "s",
  type: "single",
  options: [
    { id: "o1", text: "A", correct: false, feedback: "A is wrong" },
    { id: "o2", text: "B", correct: true, feedback: "B is right" },
    { id: "o3", text: "C", correct: false, feedback: "C is wrong" },
  ],
};
const multiple: QuestionDefinition = {
  ...base,
  id: "m",
  type: "multiple",
  options: [
    { id: "o1", text: "A", correct: true, feedback: "a" },
    { id: "o2", text: "B", correct: true, feedback: "b" },
    { id: "o3", text: "C", correct: false, feedback: "c" },
    { id: "o4", text: "D", correct: false, feedback: "d" },
  ],
};
const ordering: QuestionDefinition = {
  ...base,
  id: "o",
  type: "ordering",
  items: [
    { id: "i3", text: "first", feedback: "1st" },
    { id: "i1", text: "second", feedback: "2nd" },
    { id: "i2", text: "third", feedback: "3rd" },
    { id: "i4", text: "fourth", feedback: "4th" },
  ],
};
const categorise: QuestionDefinition = {
  ...base,
  id: "c",
  type: "categorise",
  categories: [
    { id: "claim", label: "Claim" },
    { id: "evidence", label: "Evidence" },
  ],
  items: [
    { id: "i1", text: "x", category: "claim", feedback: "x is a claim" },
    { id: "i2", text: "y", category: "evidence", feedback: "y is evidence" },
    { id: "i3", text: "z", category: "claim", feedback: "z is a claim" },
  ],
};
const highlight: QuestionDefinition = {
  ...base,
  id: "h",
  type: "highlight",
  passage: [{ text: "She was " }, { phraseId: "p1", text: "reportedly" }, { text: " killed " }, { phraseId: "p2", text: "in June" }],
  phrases: [
    { id: "p1", text: "reportedly", correct: true, feedback: "hedge" },
    { id: "p2", text: "in June", correct: false, feedback: "a date" },
  ],
};

describe("single choice and true/false", () => {
  it("scores the correct option 1 and any other 0", () => {
    expect(gradeQuestion(single, { choice: "o2" })).toEqual({ score: 1, maxScore: 1, correct: true });
    expect(gradeQuestion(single, { choice: "o1" }).score).toBe(0);
    expect(gradeQuestion(single, { choice: "" }).score).toBe(0);
  });
  it("refuses an option the question does not have, and the wrong shape", () => {
    expect(responseError(single, { choice: "o9" })).toMatch(/no option "o9"/);
    expect(responseError(single, { choices: ["o1"] })).toMatch(/one choice/);
    expect(responseError(single, { choice: "o1" })).toBeNull();
    expect(responseError(single, emptyResponse(single))).toBeNull();
  });
  it("gives feedback only for the chosen option, unmarked, unless answers are revealed", () => {
    const r = questionResult(single, { choice: "o1" }, gradeQuestion(single, { choice: "o1" }), false);
    expect(r.feedback).toEqual([{ id: "o1", correct: null, text: "A is wrong" }]);
    expect(r.answer).toBeUndefined();
    expect(r.explanationHtml).toBeUndefined();
    expect(r.response).toEqual({ choice: "o1" });
    const revealed = questionResult(single, { choice: "o1" }, gradeQuestion(single, { choice: "o1" }), true);
    expect(revealed.feedback).toHaveLength(3);
    expect(revealed.feedback.find((f) => f.id === "o2")?.correct).toBe(true);
    expect(revealed.answer).toEqual({ choice: "o2" });
    expect(revealed.explanationHtml).toBe("<p>Because.</p>");
  });
});

describe("multiple select: partial credit that does not reward ticking everything", () => {
  it.each([
    [["o1", "o2"], 1],
    [["o1"], 0.5],
    [["o1", "o3"], 0],
    [["o1", "o2", "o3"], 0.5],
    [["o1", "o2", "o3", "o4"], 0],
    [[], 0],
    [["o3"], 0],
  ])("%j scores %d", (choices, score) => {
    expect(gradeQuestion(multiple, { choices }).score).toBe(score);
  });
  it("is correct only at full marks", () => {
    expect(gradeQuestion(multiple, { choices: ["o2", "o1"] }).correct).toBe(true);
    expect(gradeQuestion(multiple, { choices: ["o1"] }).correct).toBe(false);
  });
  it("refuses duplicates and unknown options", () => {
    expect(responseError(multiple, { choices: ["o1", "o1"] })).toMatch(/twice/);
    expect(responseError(multiple, { choices: ["zz"] })).toMatch(/no option/);
  });
});

describe("ordering", () => {
  it("scores the share of items in the right place", () => {
    expect(gradeQuestion(ordering, { order: ["i3", "i1", "i2", "i4"] }).score).toBe(1);
    expect(gradeQuestion(ordering, { order: ["i1", "i3", "i2", "i4"] }).score).toBe(0.5);
    expect(gradeQuestion(ordering, { order: ["i4", "i2", "i1", "i3"] }).score).toBe(0);
  });
  it("needs every item exactly once", () => {
    expect(responseError(ordering, { order: ["i1", "i1", "i2", "i4"] })).toMatch(/exactly once/);
    expect(responseError(ordering, { order: ["i1", "i2"] })).toMatch(/exactly once/);
    expect(responseError(ordering, { order: ["i1", "i2", "i3", "x"] })).toMatch(/no item "x"/);
  });
  it("the key is the authored order", () => {
    expect(answerKey(ordering)).toEqual({ order: ["i3", "i1", "i2", "i4"] });
  });
  it("says nothing per item before the reveal (an item's place is the key), everything after", () => {
    const response = { order: ["i3", "i2", "i1", "i4"] };
    const r = questionResult(ordering, response, gradeQuestion(ordering, response), false);
    expect(r.score).toBe(0.5);
    expect(r.feedback).toEqual([]);
    const revealed = questionResult(ordering, response, gradeQuestion(ordering, response), true);
    expect(revealed.feedback.map((f) => [f.id, f.correct, f.text])).toEqual([
      ["i3", true, "1st"],
      ["i1", false, "2nd"],
      ["i2", false, "3rd"],
      ["i4", true, "4th"],
    ]);
  });
});

describe("categorise", () => {
  it("scores the share of items in their right group", () => {
    expect(gradeQuestion(categorise, { placements: { i1: "claim", i2: "evidence", i3: "claim" } }).score).toBe(1);
    expect(gradeQuestion(categorise, { placements: { i1: "claim", i2: "claim", i3: "claim" } }).score).toBeCloseTo(0.6667, 4);
    expect(gradeQuestion(categorise, { placements: {} }).score).toBe(0);
  });
  it("refuses unknown items and groups", () => {
    expect(responseError(categorise, { placements: { i9: "claim" } })).toMatch(/no item "i9"/);
    expect(responseError(categorise, { placements: { i1: "opinion" } })).toMatch(/no group "opinion"/);
    expect(responseError(categorise, { order: [] })).toMatch(/group for each item/);
  });
});

describe("highlight", () => {
  it("grades phrases like multiple select", () => {
    expect(gradeQuestion(highlight, { choices: ["p1"] }).score).toBe(1);
    expect(gradeQuestion(highlight, { choices: ["p1", "p2"] }).score).toBe(0);
    expect(gradeQuestion(highlight, { choices: [] }).score).toBe(0);
    expect(responseError(highlight, { choices: ["p7"] })).toMatch(/no phrase "p7"/);
  });
});

describe("before the reveal, no response tells which choices were right", () => {
  const all: [string, QuestionDefinition, QuestionResponse][] = [
    ["single", single, { choice: "o1" }],
    ["multiple", multiple, { choices: ["o1", "o2", "o3", "o4"] }],
    ["ordering", ordering, { order: ["i1", "i2", "i3", "i4"] }],
    ["categorise", categorise, { placements: { i1: "claim", i2: "claim", i3: "evidence" } }],
    ["highlight", highlight, { choices: ["p1", "p2"] }],
  ];
  it.each(all)("%s", (_type, q, r) => {
    const result = questionResult(q, r, gradeQuestion(q, r), false);
    expect(result.feedback.every((f) => f.correct === null)).toBe(true);
    expect(result).not.toHaveProperty("answer");
    expect(result).not.toHaveProperty("explanationHtml");
  });
});
