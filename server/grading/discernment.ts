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
