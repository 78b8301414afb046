// Discernment for the pre/post assessments. Each item says which way good judgement points:
// "trust" items are answered well by accepting a credible source or claim, "doubt" items by
// catching a weak one. Reporting the two shares separately (and their mean) means blanket
// scepticism scores well on doubt items and badly on trust items, so it cannot pass as skill.
import type { Discern } from "@/server/content/quiz-types";

export type Discernment = { trust: number | null; doubt: number | null; balanced: number | null };

export function discernment(items: { discern?: Discern; score: number }[]): Discernment {
  const share = (kind: Discern) => {
    const these = items.filter((i) => i.discern === kind);
    return these.length ? these.reduce((s, i) => s + i.score, 0) / these.length : null;
  };
  const trust = share("trust");
  const doubt = share("doubt");
  return { trust, doubt, balanced: trust !== null && doubt !== null ? (trust + doubt) / 2 : null };
}

/**
 * Signal detection on the assessments: do a student's answers tell credible material from
 * weak material (sensitivity), apart from a general tendency to doubt or to believe (bias)?
 * The "signal" is a trust item (credible material); answering it with a trust-leaning option
 * is a hit, answering a doubt item with a trust-leaning option a false alarm. From the hit
 * rate H and the false-alarm rate F (each with the log-linear correction, (k + ½) / (n + 1),
 * so that 0 and 1 stay finite with 5–7 items a side):
 *   sensitivity d′ = z(H) − z(F)    0 for blanket doubt or blanket belief; higher is better
 *   bias c = −(z(H) + z(F)) / 2     above 0 leans to doubt, below 0 to belief
 * Only answers that lean one way count (an option with `lean`); an item left unanswered, or
 * answered with an option that leans neither way, is left out. Null when a side has no
 * counted answer.
 */
export type SignalDetection = { hits: number; trustItems: number; falseAlarms: number; doubtItems: number; sensitivity: number; bias: number };

export function signalDetection(items: readonly { discern?: Discern; lean: Discern | null }[]): SignalDetection | null {
  const counted = items.filter((i) => i.discern && i.lean);
  const trust = counted.filter((i) => i.discern === "trust");
  const doubt = counted.filter((i) => i.discern === "doubt");
  if (trust.length === 0 || doubt.length === 0) return null;
  const hits = trust.filter((i) => i.lean === "trust").length;
  const falseAlarms = doubt.filter((i) => i.lean === "trust").length;
  const zH = probit((hits + 0.5) / (trust.length + 1));
  const zF = probit((falseAlarms + 0.5) / (doubt.length + 1));
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { hits, trustItems: trust.length, falseAlarms, doubtItems: doubt.length, sensitivity: round(zH - zF), bias: round(-(zH + zF) / 2) };
}

/**
 * The standard normal quantile (inverse CDF), Acklam's rational approximation (relative error
 * below 1.2e-9), for 0 < p < 1.
 */
export function probit(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -probit(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
