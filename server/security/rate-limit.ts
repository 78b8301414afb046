import "server-only";
// Slowing down and then refusing repeated wrong passwords and sign-ups. Counters live in the
// database (RateLimit), so every app instance sees the same ones. Their keys are spelled here
// and nowhere else (LIMIT_KEYS).
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/prisma-client";
import { blockUntil, type LimitPolicy } from "./rate-limit-rules";

export * from "./rate-limit-rules";

/** The key of every counter. Emails are stored lower-cased; addresses come from clientAddress(). */
export const LIMIT_KEYS = {
  /** Wrong passwords for an account from anywhere. */
  passwordAccount: (email: string) => `password:${email}`,
  /** Wrong passwords for an account from one network (starts with passwordAccount's key). */
  passwordAccountAddress: (email: string, address: string) => `password:${email}|${address}`,
  passwordAddress: (address: string) => `password-address:${address}`,
  signUpAddress: (address: string) => `signup:${address}`,
  signUpRefusedAddress: (address: string) => `signup-refused:${address}`,
};

/** Is any of these keys blocked now? Returns the seconds until all may try again, or 0. One query. */
export async function blockedFor(keys: string[], now = new Date()): Promise<number> {
  const rows = await db.rateLimit.findMany({ where: { key: { in: keys }, blockedUntil: { gt: now } }, select: { blockedUntil: true } });
  const until = Math.max(0, ...rows.map((r) => r.blockedUntil!.getTime()));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/**
 * Counts one event (a failure, a sign-up) against `key` and returns the count in the current
 * window. Each step is one SQL statement, so racing requests (and instances) all count.
 */
export async function record(key: string, policy: LimitPolicy, now = new Date()): Promise<number> {
  try {
    await db.rateLimit.upsert({ where: { key }, create: { key, count: 0, windowStart: now }, update: {} });
  } catch (error) {
    // Two first events racing: the other one created the row.
    if (!isUniqueViolation(error)) throw error;
  }
  await db.rateLimit.updateMany({
    where: { key, windowStart: { lte: new Date(now.getTime() - policy.windowMs) } },
    data: { count: 0, windowStart: now, blockedUntil: null },
  });
  const { count } = await db.rateLimit.update({ where: { key }, data: { count: { increment: 1 } }, select: { count: true } });
  const until = blockUntil(count, policy, now);
  if (until) await db.rateLimit.update({ where: { key }, data: { blockedUntil: until } });
  return count;
}

export async function clear(...keys: string[]): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: { in: keys } } });
}

/** Every password counter of an account, from every network (when the account is deleted). */
export function deletePasswordCounters(email: string) {
  const key = LIMIT_KEYS.passwordAccount(email);
  return db.rateLimit.deleteMany({ where: { OR: [{ key }, { key: { startsWith: `${key}|` } }] } });
}
