import { describe, expect, it } from "vitest";
import type { QuizPolicy } from "@/lib/quiz";
import { cleanComment, isFinal, levelTallies, rescoreAttempt } from "./rules";

const policy: QuizPolicy = { passMark: 70, maxAttempts: 3, reveal: "after-pass" };
const unit = { policy, practice: false };

describe("rescoreAttempt", () => {
  it("counts an answer awaiting review as 0, so the score is a floor", () => {
    const r = rescoreAttempt([{ score: 1, pending: false }, { score: 1, pending: false }, { score: 0.5, pending: true }], 3, unit, false);
    expect(r).toEqual({ score: 2, fraction: 2 / 3, passed: false, pendingCount: 1 });
  });

  it("passes once the reviewed score reaches the pass mark", () => {
    const r = rescoreAttempt([{ score: 1, pending: false }, { score: 1, pending: false }, { score: 0.5, pending: false }], 3, unit, false);
    expect(r.passed).toBe(true);
    expect(r.pendingCount).toBe(0);
    expect(r.fraction).toBeCloseTo(2.5 / 3);
  });

  it("takes a pass away when a re-grade lowers the score below the mark", () => {
    const r = rescoreAttempt([{ score: 1, pending: false }, { score: 0, pending: false }], 2, unit, true);
    expect(r.passed).toBe(false);
  });

  it("never passes a practice quiz, and keeps the stored pass when the quiz is gone", () => {
    expect(rescoreAttempt([{ score: 1, pending: false }], 1, { policy, practice: true }, false).passed).toBe(false);
    expect(rescoreAttempt([{ score: 0, pending: false }], 1, null, true).passed).toBe(true);
  });

  it("scores an empty attempt 0 without dividing by zero", () => {
    expect(rescoreAttempt([], 0, unit, false)).toEqual({ score: 0, fraction: 0, passed: false, pendingCount: 0 });
  });
});

describe("isFinal and cleanComment", () => {
  it("say whether anything waits, and drop empty comments", () => {
    expect(isFinal({ pendingCount: 0 })).toBe(true);
    expect(isFinal({ pendingCount: 2 })).toBe(false);
    expect(cleanComment("  \r\n ")).toBeNull();
    expect(cleanComment(undefined)).toBeNull();
    expect(cleanComment(" Good: you named who.\r\nNext: date it. ")).toBe("Good: you named who.\nNext: date it.");
  });
});

describe("levelTallies", () => {
  it("counts answers per rubric level, lowest first, the top level marked right", () => {
    const rubric = [
      { id: "beginning", label: "Beginning", points: 0, descriptor: "surface" },
      { id: "emerging", label: "Emerging", points: 1, descriptor: "names" },
      { id: "mastery", label: "Mastery", points: 2, descriptor: "investigates" },
    ];
    expect(levelTallies(rubric, ["mastery", "beginning", "mastery", "gone"])).toEqual([
      { label: "Beginning (0 points)", correct: false, count: 1, feedback: "surface" },
      { label: "Emerging (1 point)", correct: false, count: 0, feedback: "names" },
      { label: "Mastery (2 points)", correct: true, count: 2, feedback: "investigates" },
    ]);
  });
});
