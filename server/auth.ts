import "server-only";
// Who is asking. next-auth 4 signs people in with email and password (Credentials) into a JWT
// session cookie (what it holds: server/session.ts); getCurrentUser() reads it for every page,
// route and server action. What each may do is server/access.ts.
import type { NextAuthOptions } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { cookies } from "next/headers";
import { cache } from "react";
import { isRole, type Role } from "@/lib/roles";
import { safeRedirectUrl } from "@/lib/return-path";
import { signInSchema } from "@/lib/validation";
import { db } from "./db";
import { Prisma } from "./generated/prisma/client";
import { timed } from "./http/timing";
import { hashPassword } from "./password";
import { clientAddress } from "./security/client-address";
import { checkPassword } from "./security/password-check";
import { select } from "./sql";
import { CALLBACK_COOKIE, COOKIE_OPTIONS, END_SESSIONS, liveClaims, readSession, SECURE_COOKIES, SESSION_COOKIE, SESSION_MAX_AGE_S, sessionClaims, type SessionClaims, type SessionUser } from "./session";

/** Shown by the sign-in form when an account or address is blocked for a while. */
export const TOO_MANY_ATTEMPTS = "TooManyAttempts";

class SessionEnded extends Error {}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  useSecureCookies: SECURE_COOKIES,
  // The names the rest of the app reads them by (server/session.ts), so they are spelled once.
  cookies: {
    sessionToken: { name: SESSION_COOKIE, options: COOKIE_OPTIONS },
    callbackUrl: { name: CALLBACK_COOKIE, options: COOKIE_OPTIONS },
  },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) return null;
        const { email, password } = parsed.data;
        const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, sessionVersion: true } });
        const address = clientAddress(req?.headers?.["x-forwarded-for"] as string | undefined);
        const check = await checkPassword(email, user?.passwordHash ?? null, password, address);
        if (check === "blocked") throw new Error(TOO_MANY_ATTEMPTS);
        if (check !== "right" || !user) return null;
        return { id: user.id, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return sessionClaims(user as unknown as SessionUser) as unknown as JWT;
      // GET /api/auth/session re-issues the cookie: only while the session is current, and with
      // its sign-in time kept, so it still ends SESSION_MAX_AGE after signing in. Throwing makes
      // next-auth answer {} and clear the cookie.
      const claims = liveClaims(token);
      if (!claims || !(await isCurrent(claims))) throw new SessionEnded("The session has ended.");
      return claims as unknown as JWT;
    },
    // What GET /api/auth/session answers for a live session: when it ends, nothing about the user.
    session({ session, token }) {
      const claims = liveClaims(token);
      return { expires: claims ? new Date((claims.at + SESSION_MAX_AGE_S) * 1000).toISOString() : session.expires };
    },
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
  },
  events: {
    // Signing out ends every session of this user, on every device: the cookie alone cannot be
    // recalled, so the user's session version moves on (server/session.ts).
    async signOut({ token }) {
      const claims = liveClaims(token);
      if (claims) await endSessions(claims.uid);
    },
  },
  logger: {
    error(code, metadata) {
      if (code === "JWT_SESSION_ERROR") return; // an ended session asking /api/auth/session: expected
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};

export type CurrentUser = { id: string; name: string; email: string; role: Role };

/**
 * The signed-in user, or null. One query: the user's row, read fresh (so a changed role or a
 * deleted account takes effect at once), which also says whether the session was ended.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // Decoding the cookie directly costs a fraction of getServerSession(), which also runs the
  // callbacks and re-issues the cookie on every call (docs/decisions/013-session-from-cookie.md).
  const claims = await timed("session-decode", async () => readSession((await cookies()).get(SESSION_COOKIE)?.value));
  if (!claims) return null;
  // On the driver: every signed-in request runs this (server/sql.ts).
  const [user] = await timed("db-user", () =>
    select<{ id: string; name: string; email: string; role: string; sessionVersion: unknown }>(
      Prisma.sql`SELECT "id", "name", "email", "role", "sessionVersion" FROM "User" WHERE "id" = ${claims.uid}`,
    ),
  );
  if (!user || !isRole(user.role) || Number(user.sessionVersion) !== claims.sv) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
});

async function isCurrent(claims: SessionClaims): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: claims.uid }, select: { sessionVersion: true } });
  return user?.sessionVersion === claims.sv;
}

/** Ends every session of a user (all devices). */
export async function endSessions(userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: END_SESSIONS });
}

/** Sets a new password and ends every session of the user; returns what a new session needs. */
export async function changePassword(userId: string, password: string): Promise<SessionUser> {
  const passwordHash = await hashPassword(password);
  return db.user.update({ where: { id: userId }, data: { passwordHash, ...END_SESSIONS }, select: { id: true, sessionVersion: true } });
}
