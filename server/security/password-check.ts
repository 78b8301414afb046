import "server-only";
// Every password typed into the app (sign-in, deleting the account, changing the password) is
// checked here, so every one counts against the same limits (rate-limit-rules.ts):
// per account from one network, per network, and per account from anywhere.
import { db } from "@/server/db";
import { dummyHash, verifyPassword } from "@/server/password";
import { blockedFor, clear, LIMIT_KEYS, PASSWORD_ACCOUNT, PASSWORD_ACCOUNT_ADDRESS, PASSWORD_ADDRESS, record, slowdownMs } from "./rate-limit";

export type PasswordCheck = "right" | "wrong" | "blocked";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Checks `password` for the account `email` (whose stored hash is `passwordHash`, or null when
 * there is no such account), typed from `address`. Refused outright while a limit blocks; a
 * wrong password counts against all three limits and is answered more slowly as they fill; a
 * right one clears the account's counts for this network. An unknown account is checked
 * against a dummy hash and counts the same, so neither answers nor timing tell which emails
 * have accounts.
 */
export async function checkPassword(email: string, passwordHash: string | null, password: string, address: string): Promise<PasswordCheck> {
  const account = LIMIT_KEYS.passwordAccount(email);
  const accountAddress = LIMIT_KEYS.passwordAccountAddress(email, address);
  const fromAddress = LIMIT_KEYS.passwordAddress(address);
  if (await blockedFor([accountAddress, fromAddress, account])) return "blocked";
  const right = await verifyPassword(passwordHash ?? (await dummyHash()), password);
  if (right && passwordHash !== null) {
    await clear(accountAddress);
    return "right";
  }
  const [pair, network] = await Promise.all([
    record(accountAddress, PASSWORD_ACCOUNT_ADDRESS),
    record(fromAddress, PASSWORD_ADDRESS),
    record(account, PASSWORD_ACCOUNT),
  ]);
  await sleep(Math.max(slowdownMs(pair, PASSWORD_ACCOUNT_ADDRESS), slowdownMs(network, PASSWORD_ADDRESS)));
  return "wrong";
}

/** checkPassword for the signed-in user's own account (deleting it, changing the password). */
export async function checkOwnPassword(user: { id: string; email: string }, password: string, address: string): Promise<PasswordCheck> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { passwordHash: true } });
  return checkPassword(user.email, row?.passwordHash ?? null, password, address);
}

/** What a person is told when a limit refuses them. */
export const TOO_MANY_PASSWORDS = "Too many wrong passwords for this account from your network. Wait 15 minutes, then try again.";
