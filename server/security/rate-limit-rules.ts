// Pure rules for rate limits (unit-tested in rate-limit.test.ts).

export type LimitPolicy = {
  /** Events allowed in one window before the key is blocked. */
  limit: number;
  windowMs: number;
  /** How long a key stays blocked once it passed the limit. */
  blockMs: number;
  /** From this many events in the window on, each attempt is slowed down. */
  slowFrom?: number;
};

const MINUTE = 60_000;
/**
 * Wrong passwords for one account from one network: slowed from the 3rd, refused for 15 min
 * after the 10th. Only that network is refused: the account's owner elsewhere still gets in,
 * so ten wrong guesses no longer lock anyone out of their own account.
 */
export const PASSWORD_ACCOUNT_ADDRESS: LimitPolicy = { limit: 10, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE, slowFrom: 3 };
/** Wrong passwords from one network, for any accounts: refused for 15 min after 50. */
export const PASSWORD_ADDRESS: LimitPolicy = { limit: 50, windowMs: 15 * MINUTE, blockMs: 15 * MINUTE, slowFrom: 10 };
/**
 * Wrong passwords for one account from anywhere: refused for an hour after 100 in an hour. Only
 * guessing spread over ten or more networks gets here; then locking the account is the lesser
 * harm.
 */
export const PASSWORD_ACCOUNT: LimitPolicy = { limit: 100, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE };
/**
 * Accounts created from one address: refused for an hour after 200 in an hour. A school's
 * classes share one address, and sign-up already needs a valid join code; this stops scripts.
 */
export const SIGN_UP_ADDRESS: LimitPolicy = { limit: 200, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE };
/**
 * Sign-ups refused for a wrong join code or a taken email, from one address: refused for an
 * hour after 100 in an hour. Guessing join codes or probing which emails have accounts stays
 * out of reach; a class of thirty that each mistype once does not come near it.
 */
export const SIGN_UP_REFUSED_ADDRESS: LimitPolicy = { limit: 100, windowMs: 60 * MINUTE, blockMs: 60 * MINUTE };

/** When a key that has counted `count` events in its window becomes free again, if blocked. */
export function blockUntil(count: number, policy: LimitPolicy, now: Date): Date | null {
  return count >= policy.limit ? new Date(now.getTime() + policy.blockMs) : null;
}

/** How long to hold back the answer to an attempt after `count` events (0 = no delay). */
export function slowdownMs(count: number, policy: LimitPolicy): number {
  if (!policy.slowFrom || count < policy.slowFrom) return 0;
  return Math.min(4000, 500 * (count - policy.slowFrom + 1));
}
