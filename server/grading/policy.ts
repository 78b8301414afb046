// Pure rules of a quiz's policy: passing, attempts left, and when answers are revealed.
import type { QuizPolicy } from "@/lib/quiz";

export function hasPassed(fraction: number, policy: QuizPolicy): boolean {
  return fraction * 100 + 1e-9 >= policy.passMark;
}

/** Attempts still allowed after `used` attempts; null means unlimited. */
export function attemptsLeft(used: number, policy: QuizPolicy): number | null {
  return policy.maxAttempts === 0 ? null : Math.max(0, policy.maxAttempts - used);
}

/**
 * Whether the correct answers may be shown after an attempt with this outcome. `reviewOpen`
 * (assessments, "after-review"): the student has taken the post-assessment and their
 * instructor has opened the review of both forms (server/quiz/review.ts).
 */
export function mayReveal(policy: QuizPolicy, o: { passed: boolean; attemptsUsed: number; reviewOpen?: boolean }): boolean {
  const lastAttempt = policy.maxAttempts !== 0 && o.attemptsUsed >= policy.maxAttempts;
  switch (policy.reveal) {
    case "always":
      return true;
    case "never":
      return false;
    case "after-pass":
      return o.passed;
    case "after-last-attempt":
      return lastAttempt;
    case "after-pass-or-last":
      return o.passed || lastAttempt;
    case "after-review":
      return o.reviewOpen === true;
  }
}
