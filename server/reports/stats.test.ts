import { describe, expect, it } from "vitest";
import { classGain, correlation, discrimination, facility, gain, histogram, itemFlags, median } from "./stats";

describe("facility", () => {
  it("is the share correct for right/wrong items", () => {
    expect(facility([1, 0, 1, 1])).toBe(0.75);
  });
  it("counts partial credit as its score", () => {
    expect(facility([1, 0.5, 0, 0.5])).toBe(0.5);
  });
  it("is null with no answers", () => {
    expect(facility([])).toBeNull();
  });
});

describe("discrimination (corrected point-biserial)", () => {
  it("matches the hand-computed value", () => {
    // item [1,1,0,0], rest-of-quiz [2,1,1,0]: sxy = 1, sxx = 1, syy = 2 → 1/√2
    const rows = [
      { item: 1, total: 3 },
      { item: 1, total: 2 },
      { item: 0, total: 1 },
      { item: 0, total: 0 },
    ];
    expect(discrimination(rows)).toBeCloseTo(0.7071, 4);
  });
  it("leaves the item out of the total (a perfect item with an unrelated rest scores 0)", () => {
    // rest = [1,1,1,1] has no variance → null; rest [1,0,1,0] is uncorrelated with [1,1,0,0]
    expect(discrimination([{ item: 1, total: 2 }, { item: 1, total: 2 }, { item: 0, total: 1 }, { item: 0, total: 1 }])).toBeNull();
    expect(discrimination([{ item: 1, total: 2 }, { item: 1, total: 1 }, { item: 0, total: 1 }, { item: 0, total: 0 }])).toBeCloseTo(0, 10);
  });
  it("is negative when the weaker students get the item right", () => {
    expect(discrimination([{ item: 0, total: 3 }, { item: 1, total: 1 }, { item: 1, total: 1 }, { item: 0, total: 2 }])).toBeLessThan(0);
  });
  it("is null when everybody scores the same on the item", () => {
    expect(correlation([1, 1, 1], [0, 1, 2])).toBeNull();
    expect(correlation([1], [1])).toBeNull();
  });
});

describe("item flags", () => {
  it("flags too easy, too hard and poor discrimination at the documented thresholds", () => {
    expect(itemFlags(20, 0.95, 0.5)).toEqual(["too-easy"]);
    expect(itemFlags(20, 0.9, 0.5)).toEqual([]);
    expect(itemFlags(20, 0.2, 0.1)).toEqual(["too-hard", "poor-discrimination"]);
    expect(itemFlags(20, 0.5, 0.2)).toEqual([]);
    expect(itemFlags(20, 0.5, null)).toEqual([]);
  });
  it("raises no flag on too few answers", () => {
    expect(itemFlags(4, 1, -1)).toEqual([]);
    // Nine answers are too few to say anything about a question; ten are enough.
    expect(itemFlags(9, 1, -1)).toEqual([]);
    expect(itemFlags(10, 1, -1)).toEqual(["too-easy", "poor-discrimination"]);
  });
});

describe("learning gain", () => {
  it("computes the gain and Hake's normalised gain for one student", () => {
    const g = gain(0.4, 0.7);
    expect(g.gain).toBeCloseTo(0.3, 10);
    expect(g.normalised).toBeCloseTo(0.5, 10);
  });
  it("leaves the normalised gain undefined when the pre-assessment was perfect", () => {
    const g = gain(1, 0.8);
    expect(g.gain).toBeCloseTo(-0.2, 10);
    expect(g.normalised).toBeNull();
  });
  it("computes class means, Hake's class gain and the mean of individual gains", () => {
    // (0.2 → 0.6): g = 0.5; (0.5 → 0.6): g = 0.2; (1 → 1): g undefined, left out of the mean g
    const c = classGain([gain(0.2, 0.6), gain(0.5, 0.6), gain(1, 1)]);
    expect(c.students).toBe(3);
    expect(c.meanPre).toBeCloseTo(1.7 / 3, 10);
    expect(c.meanPost).toBeCloseTo(2.2 / 3, 10);
    expect(c.meanGain).toBeCloseTo(0.5 / 3, 10);
    // (⟨post⟩ − ⟨pre⟩)/(1 − ⟨pre⟩) = (0.5/3)/(1.3/3) = 5/13
    expect(c.hake).toBeCloseTo(5 / 13, 10);
    expect(c.meanNormalised).toBeCloseTo(0.35, 10);
  });
  it("has nothing to say about an empty class", () => {
    expect(classGain([])).toMatchObject({ students: 0, meanGain: null, hake: null, meanNormalised: null });
  });
});

describe("histogram and median", () => {
  it("bins scores into tenths, with 100% in the last bin", () => {
    const h = histogram([0, 0.05, 0.1, 0.95, 1]);
    expect(h).toHaveLength(10);
    expect(h[0]).toEqual({ label: "0–9%", count: 2 });
    expect(h[1].count).toBe(1);
    expect(h[9]).toEqual({ label: "90–100%", count: 2 });
  });
  it("takes the middle value", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
