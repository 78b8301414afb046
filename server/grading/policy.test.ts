import { describe, expect, it } from "vitest";
import type { QuizPolicy } from "@/lib/quiz";
import { attemptsLeft, hasPassed, mayReveal } from "./policy";
import { discernment } from "./discernment";

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
