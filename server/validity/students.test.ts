// The simulated students on questions built by hand: each one does what it says, and every
// score is the exact expected value, graded by the real grading code.
import { describe, expect, it } from "vitest";
import type { ChoiceOption } from "@/questions/choice/types";
import type { QuestionDefinition, QuizDefinition } from "@/server/content/quiz-types";
import {
  blanketBeliever,
  blanketSceptic,
  expectedScore,
  formatScoreTable,
  hasAbsoluteWord,
  permutations,
  quizScore,
  randomGuesser,
  scoreRows,
  subsets,
  testWise,
} from "./students";

const base = { quizId: "q", promptHtml: "", promptText: "Which?", explanationHtml: "" };
const opt = (n: number, text: string, extra: Partial<ChoiceOption> = {}): ChoiceOption => ({ id: `o${n}`, text, correct: false, feedback: "f", ...extra });

const single = (options: ChoiceOption[]): QuestionDefinition => ({ ...base, id: "s", type: "single", options });
const truefalse = (key: "True" | "False", leanTrue?: "trust" | "doubt"): QuestionDefinition => ({
  ...base,
  id: "tf",
  type: "truefalse",
  options: [
    opt(1, "True", { correct: key === "True", ...(leanTrue ? { lean: leanTrue } : {}) }),
    opt(2, "False", { correct: key === "False", ...(leanTrue ? { lean: leanTrue === "trust" ? "doubt" : "trust" } : {}) }),
  ],
});

describe("enumeration", () => {
  it("lists every subset and every order", () => {
    expect(subsets(["a", "b", "c"])).toHaveLength(8);
    expect(permutations([1, 2, 3, 4])).toHaveLength(24);
    expect(new Set(permutations([1, 2, 3]).map((p) => p.join(""))).size).toBe(6);
  });

  it("spots absolute words as whole words only", () => {
    expect(hasAbsoluteWord("Claims are always lies")).toBe(true);
    expect(hasAbsoluteWord("No one else was involved")).toBe(true);
    expect(hasAbsoluteWord("A smaller, tall figure")).toBe(false);
    expect(hasAbsoluteWord("Overall it is fine")).toBe(false);
  });
});

describe("the random guesser", () => {
  it("scores 1 in n on single choice and half on true/false", () => {
    const q = single([opt(1, "a", { correct: true }), opt(2, "b"), opt(3, "c"), opt(4, "d")]);
    expect(expectedScore(randomGuesser, q)).toBeCloseTo(0.25, 10);
    expect(expectedScore(randomGuesser, truefalse("True"))).toBeCloseTo(0.5, 10);
  });

  it("scores 1 in n positions on ordering and 1 in k groups on categorise", () => {
    const items = ["i1", "i2", "i3", "i4", "i5"].map((id) => ({ id, text: id, feedback: "f" }));
    const ordering: QuestionDefinition = { ...base, id: "o", type: "ordering", items };
    expect(expectedScore(randomGuesser, ordering)).toBeCloseTo(1 / 5, 10);
    const categorise: QuestionDefinition = {
      ...base,
      id: "c",
      type: "categorise",
      categories: ["a", "b", "c"].map((id) => ({ id, label: id })),
      items: items.map((i, n) => ({ ...i, category: ["a", "b", "c"][n % 3] })),
    };
    expect(expectedScore(randomGuesser, categorise)).toBeCloseTo(1 / 3, 10);
  });

  it("gets the exact partial-credit expectation on multiple select", () => {
    // One key among two options: ticks nothing (0), the key (1), the other (0), both (0).
    const q: QuestionDefinition = { ...base, id: "m", type: "multiple", options: [opt(1, "a", { correct: true }), opt(2, "b")] };
    expect(expectedScore(randomGuesser, q)).toBeCloseTo(0.25, 10);
  });
});

describe("the test-wise student", () => {
  it("picks the longest option, sharing ties", () => {
    expect(expectedScore(testWise, single([opt(1, "short"), opt(2, "the much longer key", { correct: true })]))).toBe(1);
    expect(expectedScore(testWise, single([opt(1, "same", { correct: true }), opt(2, "size"), opt(3, "no")]))).toBeCloseTo(0.5, 10);
  });

  it("answers False to every true/false", () => {
    expect(expectedScore(testWise, truefalse("False"))).toBe(1);
    expect(expectedScore(testWise, truefalse("True"))).toBe(0);
  });

  it("ticks every option without an absolute word", () => {
    const q: QuestionDefinition = {
      ...base,
      id: "m",
      type: "multiple",
      options: [opt(1, "It drops the source", { correct: true }), opt(2, "It drops the date", { correct: true }), opt(3, "The figure must be false")],
    };
    expect(expectedScore(testWise, q)).toBe(1);
    const reversed: QuestionDefinition = { ...q, options: q.options.map((o) => ({ ...o, correct: !o.correct })) };
    expect(expectedScore(testWise, reversed)).toBe(0);
  });

  it("keeps the shown order (never the right one), ticks hedge words and echoes category labels", () => {
    const items = ["i1", "i2", "i3"].map((id) => ({ id, text: id, feedback: "f" }));
    const ordering: QuestionDefinition = { ...base, id: "o", type: "ordering", items };
    // The five wrong orders of three items hold three items in place between them: 3 / (5 × 3).
    expect(expectedScore(testWise, ordering)).toBeCloseTo(0.2, 4);
    const highlight: QuestionDefinition = {
      ...base,
      id: "h",
      type: "highlight",
      passage: [],
      phrases: [
        { id: "p1", text: "reportedly", correct: false, feedback: "f" },
        { id: "p2", text: "on Monday", correct: true, feedback: "f" },
      ],
    };
    expect(expectedScore(testWise, highlight)).toBe(0);
    const categorise: QuestionDefinition = {
      ...base,
      id: "c",
      type: "categorise",
      categories: [{ id: "claim", label: "A claim" }, { id: "evidence", label: "Evidence" }],
      items: [
        { id: "i1", text: "The group claimed the attack", category: "evidence", feedback: "f" },
        { id: "i2", text: "Evidence found by police", category: "evidence", feedback: "f" },
      ],
    };
    expect(expectedScore(testWise, categorise)).toBeCloseTo(0.5, 10);
  });
});

describe("the blanket sceptic and believer", () => {
  const leaned = single([
    opt(1, "a", { lean: "doubt", correct: true }),
    opt(2, "b", { lean: "doubt" }),
    opt(3, "c", { lean: "trust" }),
    opt(4, "d", { lean: "doubt" }),
  ]);

  it("share their score over the options that lean their way", () => {
    expect(expectedScore(blanketSceptic, leaned)).toBeCloseTo(1 / 3, 10);
    expect(expectedScore(blanketBeliever, leaned)).toBe(0);
    expect(expectedScore(blanketSceptic, truefalse("True", "doubt"))).toBe(1);
    expect(expectedScore(blanketBeliever, truefalse("True", "doubt"))).toBe(0);
  });

  it("guess where no option says which way it leans", () => {
    const plain = single([opt(1, "a", { correct: true }), opt(2, "b")]);
    expect(expectedScore(blanketSceptic, plain)).toBeCloseTo(0.5, 10);
  });

  it("tick every option of their lean in multiple select", () => {
    const q: QuestionDefinition = {
      ...base,
      id: "m",
      type: "multiple",
      options: [opt(1, "a", { correct: true, lean: "doubt" }), opt(2, "b", { lean: "doubt" }), opt(3, "c", { correct: true, lean: "trust" })],
    };
    // Ticks a and b: one of two keys (+½) and one wrong option (−½).
    expect(expectedScore(blanketSceptic, q)).toBe(0);
    expect(expectedScore(blanketBeliever, q)).toBeCloseTo(0.5, 10);
  });
});

describe("quiz scores and the table", () => {
  it("averages the questions and prints one row per quiz", () => {
    const quiz: QuizDefinition = {
      id: "quiz",
      lessonSlug: "x",
      practice: false,
      policy: { passMark: 70, maxAttempts: 1, reveal: "never" },
      questions: [truefalse("False"), truefalse("True")],
    };
    expect(quizScore(testWise, quiz)).toBeCloseTo(0.5, 10);
    const table = formatScoreTable(scoreRows([{ label: "unit", quiz }]));
    expect(table).toMatch(/^quiz\s+items\s+test-wise/);
    expect(table).toMatch(/unit\s+2\s+50\.0%\s+50\.0%\s+50\.0%\s+50\.0%/);
  });
});
