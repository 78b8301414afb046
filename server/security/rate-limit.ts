import "server-only";
// Slowing down and then refusing repeated sign-in failures and sign-ups. Counters live in the
// database (RateLimit), so every app instance sees the same ones.
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/prisma-client";
import { blockUntil, type LimitPolicy } from "./rate-limit-rules";

export { SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS, SIGN_UP_ADDRESS } from "./rate-limit-rules";

/** Is this key blocked now? Returns the seconds until it may try again, or 0. */
export async function blockedFor(key: string, now = new Date()): Promise<number> {
  const row = await db.rateLimit.findUnique({ where: { key }, select: { blockedUntil: true } });
  return row?.blockedUntil && row.blockedUntil > now ? Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000) : 0;
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

export async function clear(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/**
 * The client's address: the last entry of X-Forwarded-For, which is the one the nearest proxy
 * (or Next.js itself, when there is none) wrote. Entries further left can be forged.
 */
export function clientAddress(forwardedFor: string | null | undefined): string {
  const last = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean).pop();
  return (last ?? "unknown").slice(0, 64);
}
