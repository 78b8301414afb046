import "server-only";
// The session cookie: what it holds, how it is read, and the one function that mints it.
// next-auth 4 signs people in with a password (server/auth.ts) and manages the cookie's
// lifecycle; this module is the contract both sides (and the LTI launch) share.
//
// A session is an encrypted JWT (next-auth's format) carrying only three claims:
//   uid  the user's id
//   sv   the user's sessionVersion when the session started; raising the column (sign-out,
//        password change, role change) ends every session at once, and a deleted user has no
//        row at all. getCurrentUser() compares it on the user lookup it already makes.
//   at   when the person signed in (seconds): a session ends SESSION_MAX_AGE after it, however
//        often next-auth re-issues the cookie.
// Reading a cookie here checks signature, expiry and age; only getCurrentUser (server/auth.ts)
// can check revocation, because that needs the user's row.
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";

export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** Secure, __Secure- prefixed cookies when the app is served over https (NEXTAUTH_URL). */
export const SECURE_COOKIES = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
/** The session cookie's name, for next-auth, the proxy and every reader (one place). */
export const SESSION_COOKIE = `${SECURE_COOKIES ? "__Secure-" : ""}next-auth.session-token`;
/** next-auth's cookie remembering where to go after signing in (read by its routes). */
export const CALLBACK_COOKIE = `${SECURE_COOKIES ? "__Secure-" : ""}next-auth.callback-url`;

/** How the app's cookies are set: not readable by scripts, sent on same-site requests only. */
export const COOKIE_OPTIONS = { httpOnly: true, sameSite: "lax", path: "/", secure: SECURE_COOKIES } as const;

export type SessionClaims = { uid: string; sv: number; at: number };
export type SessionUser = { id: string; sessionVersion: number };

/** Prisma update data that ends every session of a user (add it to the update that changes them). */
export const END_SESSIONS = { sessionVersion: { increment: 1 } } as const;

const secret = () => process.env.NEXTAUTH_SECRET ?? "";
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The claims of a new session for `user`, signed in now. */
export function sessionClaims(user: SessionUser, now = nowSeconds()): SessionClaims {
  return { uid: user.id, sv: user.sessionVersion, at: now };
}

/** `token`'s claims when they are well-formed and the sign-in is less than SESSION_MAX_AGE old. */
export function liveClaims(token: unknown, now = nowSeconds()): SessionClaims | null {
  if (!token || typeof token !== "object") return null;
  const { uid, sv, at } = token as Record<string, unknown>;
  if (typeof uid !== "string" || !Number.isInteger(sv) || typeof at !== "number") return null;
  if (at > now + 60 || now - at >= SESSION_MAX_AGE_S) return null;
  return { uid, sv: sv as number, at };
}

/** The live claims of a session cookie's value (signature, expiry and age checked), or null. */
export async function readSession(cookieValue: string | undefined): Promise<SessionClaims | null> {
  if (!cookieValue) return null;
  try {
    return liveClaims(await decode({ token: cookieValue, secret: secret() }));
  } catch {
    return null;
  }
}

/**
 * Signs `user` in on this browser: sets the session cookie on the response of the route
 * handler or server action that calls it (for the LTI launch, after it has verified the
 * platform's signed token and found or created the user). Passwords sign in through next-auth,
 * which makes the same claims (authOptions.callbacks.jwt).
 */
export async function startSession(user: SessionUser): Promise<void> {
  const token = await encode({ token: sessionClaims(user), secret: secret(), maxAge: SESSION_MAX_AGE_S });
  (await cookies()).set(SESSION_COOKIE, token, { ...COOKIE_OPTIONS, maxAge: SESSION_MAX_AGE_S });
}

/** Removes the session cookie from this browser (the session itself is ended by endSessions). */
export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", { ...COOKIE_OPTIONS, maxAge: 0 });
}
