import "server-only";
// The order one student sees a quiz's options, items and categories in, for one attempt. A
// generator seeded by a keyed hash (the session secret) of who, which quiz, which attempt and
// which question shuffles each list: the same student sees the same order on a reload, a new
// one on the next attempt, and nobody can compute it from public data (question ids, option
// texts). Grading reads ids, never positions.
import { createHmac } from "node:crypto";
import type { Shuffle } from "@/questions/contract";

/** A Fisher–Yates shuffle driven by a 32-bit seed (mulberry32): pure, for tests. */
export function seededShuffle(seed: number): Shuffle {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

/** The shuffle of one question for one student's attempt. */
export function studentShuffle(userId: string, quizId: string, attemptNumber: number, questionId: string, secret = process.env.NEXTAUTH_SECRET ?? ""): Shuffle {
  const digest = createHmac("sha256", `display-order:${secret}`).update([userId, quizId, attemptNumber, questionId].join("\u0000")).digest();
  return seededShuffle(digest.readUInt32LE(0));
}
