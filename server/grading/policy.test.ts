import { describe, expect, it } from "vitest";
import type { QuizPolicy } from "@/lib/quiz";
import { attemptsLeft, hasPassed, mayReveal } from "./policy";
import { discernment, probit, signalDetection } from "./discernment";

const policy = (p: Partial<QuizPolicy>): QuizPolicy => ({ passMark: 70, maxAttempts: 3, reveal: "after-pass-or-last", ...p });

describe("quiz policy", () => {
  it("passes at the pass mark, not below", () => {
    expect(hasPassed(0.7, policy({}))).toBe(true);
    expect(hasPassed(0.699, policy({}))).toBe(false);
    expect(hasPassed(7 / 10, policy({ passMark: 70 }))).toBe(true);
  });
  it("counts attempts left, with 0 meaning unlimited", () => {
    expect(attemptsLeft(1, policy({}))).toBe(2);
    expect(attemptsLeft(5, policy({}))).toBe(0);
    expect(attemptsLeft(50, policy({ maxAttempts: 0 }))).toBeNull();
  });
  it.each([
    ["always", false, 1, true],
    ["never", true, 3, false],
    ["after-pass", false, 3, false],
    ["after-pass", true, 1, true],
    ["after-last-attempt", true, 2, false],
    ["after-last-attempt", false, 3, true],
    ["after-pass-or-last", false, 2, false],
    ["after-pass-or-last", true, 1, true],
    ["after-pass-or-last", false, 3, true],
  ] as const)("reveal=%s passed=%s used=%d → %s", (reveal, passed, attemptsUsed, expected) => {
    expect(mayReveal(policy({ reveal }), { passed, attemptsUsed })).toBe(expected);
  });
  it("reveals 'after review' only once the review is open, whatever the score or attempts", () => {
    expect(mayReveal(policy({ reveal: "after-review", maxAttempts: 1 }), { passed: true, attemptsUsed: 1 })).toBe(false);
    expect(mayReveal(policy({ reveal: "after-review", maxAttempts: 1 }), { passed: false, attemptsUsed: 1, reviewOpen: false })).toBe(false);
    expect(mayReveal(policy({ reveal: "after-review", maxAttempts: 1 }), { passed: false, attemptsUsed: 1, reviewOpen: true })).toBe(true);
  });
  it("never reveals 'after the last attempt' when attempts are unlimited", () => {
    expect(mayReveal(policy({ reveal: "after-last-attempt", maxAttempts: 0 }), { passed: false, attemptsUsed: 99 })).toBe(false);
  });
});

describe("discernment", () => {
  it("reports trust and doubt items separately, so blanket doubt does not look like skill", () => {
    const items = [
      { discern: "trust" as const, score: 0 },
      { discern: "trust" as const, score: 0 },
      { discern: "doubt" as const, score: 1 },
      { discern: "doubt" as const, score: 1 },
    ];
    expect(discernment(items)).toEqual({ trust: 0, doubt: 1, balanced: 0.5 });
  });
  it("is null for a side with no items", () => {
    expect(discernment([{ discern: "doubt", score: 1 }, { score: 1 }])).toEqual({ trust: null, doubt: 1, balanced: null });
  });
});

describe("signal detection: discernment apart from a tendency to doubt or believe", () => {
  const item = (discern: "trust" | "doubt", lean: "trust" | "doubt" | null) => ({ discern, lean });
  const form = (trustAnswers: ("trust" | "doubt")[], doubtAnswers: ("trust" | "doubt")[]) => [
    ...trustAnswers.map((l) => item("trust", l)),
    ...doubtAnswers.map((l) => item("doubt", l)),
  ];
  it("gives blanket doubt and blanket belief no sensitivity, and opposite biases", () => {
    const doubter = signalDetection(form(Array(6).fill("doubt"), Array(6).fill("doubt")))!;
    const believer = signalDetection(form(Array(6).fill("trust"), Array(6).fill("trust")))!;
    expect(doubter.sensitivity).toBeCloseTo(0, 10);
    expect(believer.sensitivity).toBeCloseTo(0, 10);
    expect(doubter.bias).toBeGreaterThan(1);
    expect(believer.bias).toBeLessThan(-1);
  });
  it("rewards telling the two apart, with no bias when the errors are even", () => {
    const discerning = signalDetection(form(["trust", "trust", "trust", "trust", "trust", "doubt"], ["doubt", "doubt", "doubt", "doubt", "doubt", "trust"]))!;
    expect(discerning.sensitivity).toBeGreaterThan(1.5);
    expect(discerning.bias).toBeCloseTo(0, 10);
    expect(discerning).toMatchObject({ hits: 5, trustItems: 6, falseAlarms: 1, doubtItems: 6 });
  });
  it("matches the textbook values: H = 0.75, F = 0.25 gives d′ ≈ 1.349 before correction", () => {
    expect(probit(0.75) - probit(0.25)).toBeCloseTo(1.349, 3);
    expect(probit(0.5)).toBeCloseTo(0, 12);
    expect(probit(0.975)).toBeCloseTo(1.96, 3);
    expect(probit(0.01)).toBeCloseTo(-2.326, 3);
  });
  it("leaves out answers that lean neither way, and is null without both kinds of item", () => {
    expect(signalDetection([item("trust", null), item("doubt", "doubt")])).toBeNull();
    expect(signalDetection([item("trust", "trust"), item("doubt", null), item("doubt", "doubt")])).toMatchObject({ trustItems: 1, doubtItems: 1 });
  });
});
