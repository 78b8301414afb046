import "server-only";
// Who is asking. next-auth 4 with email + password (Credentials) and JWT sessions; every page,
// route and server action starts with one of the require* helpers below.
import type { NextAuthOptions } from "next-auth";
import { getToken } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { isRole, type Role } from "@/lib/roles";
import { signInSchema } from "@/lib/validation";
import { db } from "./db";
import { dummyHash, verifyPassword } from "./password";
import { blockedFor, clear, clientAddress, record, SIGN_IN_ACCOUNT, SIGN_IN_ADDRESS } from "./security/rate-limit";
import { slowdownMs } from "./security/rate-limit-rules";

/** Shown by the sign-in form when an account or address is blocked for a while. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        // Failures count against the account and the address alike, whether or not the
        // account exists, so the answers never tell which emails have accounts.
        const accountKey = `signin:account:${parsed.data.email}`;
        const addressKey = `signin:address:${clientAddress(req?.headers?.["x-forwarded-for"] as string | undefined)}`;
        if ((await blockedFor(accountKey)) || (await blockedFor(addressKey))) throw new Error(TOO_MANY_ATTEMPTS);
        const user = await db.user.findUnique({
          where: { email: parsed.data.email },
          select: { id: true, email: true, name: true, passwordHash: true },
        });
        const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), parsed.data.password);
        if (!user || !ok) {
          const [account, address] = await Promise.all([record(accountKey, SIGN_IN_ACCOUNT), record(addressKey, SIGN_IN_ADDRESS)]);
          await sleep(Math.max(slowdownMs(account, SIGN_IN_ACCOUNT), slowdownMs(address, SIGN_IN_ADDRESS)));
          return null;
        }
        await clear(accountKey);
        return { id: user.id, email: user.email, name: user.name };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    async session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
};

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/**
 * The signed-in user, read fresh from the database (so a changed role or a deleted account
 * takes effect at once), or null.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Decoding the session cookie directly costs a fraction of getServerSession(), which also
  // runs the callbacks and re-issues the cookie on every call; sessions therefore last 8 hours
  // from sign-in rather than from the last request (docs/decisions/013-session-from-cookie.md).
  const jar = await cookies();
  const token = await getToken({ req: { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} } as never });
  const id = typeof token?.uid === "string" ? token.uid : null;
  if (!id) return null;
  const user = await db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true } });
  if (!user || !isRole(user.role)) return null;
  return { ...user, role: user.role };
});

/** For pages: the signed-in user, or a redirect to sign in. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}

/** For pages: a user with one of `roles`, else the "not allowed" page (HTTP 403 semantics). */
export async function requireRole(returnTo: string, roles: readonly Role[]): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) redirect("/forbidden");
  return user;
}
