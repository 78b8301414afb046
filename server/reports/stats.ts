// Pure statistics for the instructor reports: no database, no I/O, unit-tested in stats.test.ts.
// The definitions are written out here because instructors read the numbers, and the
// numbers must mean one thing (docs/glossary.md lists the words).

/** Item-analysis flags. An item is "too easy" above, "too hard" below these facilities. */
export const TOO_EASY_FACILITY = 0.9;
export const TOO_HARD_FACILITY = 0.3;
/** Discrimination below this means the item barely separates strong from weak students. */
export const POOR_DISCRIMINATION = 0.2;
/** Below this many answers the flags say nothing useful, so none are raised. */
export const MIN_ANSWERS_FOR_FLAGS = 10;

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null;
}

export function median(xs: readonly number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Facility: the mean score on the item (0..1). With right/wrong items it is the share of
 * students who got it right; partially credited items count their partial score.
 */
export function facility(itemScores: readonly number[]): number | null {
  return mean(itemScores);
}

/**
 * Pearson correlation of two equally long series; null when either has no variance (every
 * student scored the same, so the item cannot discriminate) or there are fewer than 2 pairs.
 */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  const mx = mean(xs.slice(0, n))!;
  const my = mean(ys.slice(0, n))!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Discrimination: the corrected point-biserial correlation — the correlation between the
 * score on this item and the score on the rest of the quiz (the attempt's total minus this
 * item), across attempts. Leaving the item out of the total keeps it from correlating with
 * itself. For right/wrong items this is exactly the point-biserial coefficient; for partially
 * credited items it is the same Pearson correlation on the partial scores.
 */
export function discrimination(rows: readonly { item: number; total: number }[]): number | null {
  return correlation(
    rows.map((r) => r.item),
    rows.map((r) => r.total - r.item),
  );
}

export type ItemFlag = "too-easy" | "too-hard" | "poor-discrimination";

export const FLAG_LABELS: Record<ItemFlag, string> = {
  "too-easy": "Too easy",
  "too-hard": "Too hard",
  "poor-discrimination": "Does not tell strong readers from weak",
};

export function itemFlags(answered: number, fac: number | null, disc: number | null): ItemFlag[] {
  if (answered < MIN_ANSWERS_FOR_FLAGS || fac === null) return [];
  const flags: ItemFlag[] = [];
  if (fac > TOO_EASY_FACILITY) flags.push("too-easy");
  if (fac < TOO_HARD_FACILITY) flags.push("too-hard");
  // An item nobody (or everybody) gets right has no discrimination at all; that is the
  // facility flag's story, so it is only flagged here when there was variance to measure.
  if (disc !== null && disc < POOR_DISCRIMINATION) flags.push("poor-discrimination");
  return flags;
}

export type Gain = {
  pre: number;
  post: number;
  /** post − pre, in percentage points of the whole (−1..1). */
  gain: number;
  /**
   * Hake's normalised gain (post − pre) / (1 − pre): the share of the possible improvement
   * that was achieved. Null when pre = 1: nothing was left to gain, so it is undefined — such
   * students are listed but left out of means of the normalised gain.
   */
  normalised: number | null;
};

export function gain(pre: number, post: number): Gain {
  return { pre, post, gain: post - pre, normalised: pre >= 1 ? null : (post - pre) / (1 - pre) };
}

export type ClassGain = {
  /** Students with both a pre and a post assessment. */
  students: number;
  meanPre: number | null;
  meanPost: number | null;
  meanGain: number | null;
  /** Hake's class normalised gain from the class means: (⟨post⟩ − ⟨pre⟩) / (1 − ⟨pre⟩). */
  hake: number | null;
  /** The mean of the students' own normalised gains (students with pre = 1 left out). */
  meanNormalised: number | null;
};

export function classGain(gains: readonly Gain[]): ClassGain {
  const meanPre = mean(gains.map((g) => g.pre));
  const meanPost = mean(gains.map((g) => g.post));
  return {
    students: gains.length,
    meanPre,
    meanPost,
    meanGain: mean(gains.map((g) => g.gain)),
    hake: meanPre === null || meanPost === null || meanPre >= 1 ? null : (meanPost - meanPre) / (1 - meanPre),
    meanNormalised: mean(gains.flatMap((g) => (g.normalised === null ? [] : [g.normalised]))),
  };
}

/**
 * Counts of values in equal-width bins over 0..1 (a score of exactly 1 falls in the last
 * bin). Labels read "0–9%", …, "90–100%".
 */
export function histogram(values: readonly number[], bins = 10): { label: string; count: number }[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(v * bins)))]++;
  const width = 100 / bins;
  return counts.map((count, i) => ({
    label: i === bins - 1 ? `${Math.round(i * width)}–100%` : `${Math.round(i * width)}–${Math.round((i + 1) * width) - 1}%`,
    count,
  }));
}
