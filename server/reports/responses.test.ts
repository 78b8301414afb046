import { describe, expect, it } from "vitest";
import type { CategoriseDefinition } from "@/questions/categorise/types";
import type { OrderingDefinition } from "@/questions/ordering/types";
import type { SingleDefinition } from "@/questions/single/types";
import { describeResponse, mostCommonWrong, NO_ANSWER, parseResponse, tallyResponses } from "./responses";

const base = { quizId: "q", promptHtml: "", promptText: "", explanationHtml: "" };
const single: SingleDefinition = {
  ...base,
  id: "s",
  type: "single",
  options: [
    { id: "a", text: "Alpha", correct: true, feedback: "Right." },
    { id: "b", text: "Beta", correct: false, feedback: "Beta is a trap." },
    { id: "c", text: "Gamma", correct: false, feedback: "Gamma is rare." },
  ],
};
const ordering: OrderingDefinition = {
  ...base,
  id: "o",
  type: "ordering",
  items: [
    { id: "x", text: "X", feedback: "" },
    { id: "y", text: "Y", feedback: "" },
  ],
};
const categorise: CategoriseDefinition = {
  ...base,
  id: "c",
  type: "categorise",
  categories: [
    { id: "fact", label: "Fact" },
    { id: "claim", label: "Claim" },
  ],
  items: [{ id: "i1", text: "Police said", category: "fact", feedback: "Attributed." }],
};

describe("describing responses", () => {
  it("writes chosen options, orders and placements as text", () => {
    expect(describeResponse(single, { choice: "b" })).toBe("Beta");
    expect(describeResponse(single, { choice: "" })).toBe(NO_ANSWER);
    expect(describeResponse(ordering, { order: ["y", "x"] })).toBe("Y › X");
    expect(describeResponse(categorise, { placements: { i1: "claim" } })).toBe("Police said → Claim");
    expect(describeResponse(single, parseResponse(single, "not json"))).toBe(NO_ANSWER);
    // A stored response of another type's shape reads as no answer, not as a crash.
    expect(describeResponse(single, parseResponse(single, '{"order":["x"]}'))).toBe(NO_ANSWER);
    expect(describeResponse(ordering, parseResponse(ordering, '{"order":["x","y"]}'))).toBe("X › Y");
  });
});

describe("tallying responses", () => {
  it("counts each option, keeps the authored order and finds the most common wrong answer", () => {
    const { tallies, unanswered } = tallyResponses(single, [{ choice: "a" }, { choice: "b" }, { choice: "b" }, { choice: "c" }, { choice: "" }]);
    expect(tallies.map((t) => [t.label, t.count])).toEqual([["Alpha", 1], ["Beta", 2], ["Gamma", 1]]);
    expect(unanswered).toBe(1);
    expect(mostCommonWrong(tallies)).toMatchObject({ label: "Beta", feedback: "Beta is a trap." });
  });
  it("counts distinct orders and item placements", () => {
    const o = tallyResponses(ordering, [{ order: ["y", "x"] }, { order: ["y", "x"] }, { order: ["x", "y"] }]);
    expect(o.tallies).toEqual([
      { label: "Y › X", correct: false, count: 2, feedback: "" },
      { label: "X › Y", correct: true, count: 1, feedback: "" },
    ]);
    const c = tallyResponses(categorise, [{ placements: { i1: "claim" } }, { placements: { i1: "fact" } }, { placements: { i1: "claim" } }]);
    expect(mostCommonWrong(c.tallies)).toMatchObject({ label: "Police said → Claim", count: 2, feedback: "Attributed." });
  });
  it("has no most common wrong answer when nobody was wrong", () => {
    expect(mostCommonWrong(tallyResponses(single, [{ choice: "a" }]).tallies)).toBeNull();
  });
});
