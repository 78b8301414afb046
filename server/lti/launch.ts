import "server-only";
// Step 2 of an LTI 1.3 launch: the platform posts the signed id_token (form_post) with the
// state. In this order, each refusal a 4xx page that changes nothing:
//   state      the form's state has this browser's cookie, and was signed by this app for a
//              login that has not expired (login.ts)
//   signature  RS256 against the platform's published keys (jose createRemoteJWKSet: cached,
//              fetched again when a token names a key id it has not seen — key rollover)
//   claims     iss, aud, azp, exp/iat with a small skew, the login's nonce, LTI version,
//              message type, a registered deployment, roles, course (claims.ts)
//   once       the nonce is stored (LtiNonce, unique): a second launch of the same login fails
//   course     a course seen for the first time needs its instructor to launch first
// then the LMS user's account and the course's class are found or made (accounts.ts), the
// person is signed in with the app's own session (server/session.ts) and sent to the unit.
// A deep linking request (claims.ts: checkDeepLinkingClaims, instructors only) takes the same
// path and ends on the unit picker instead (server/lti/deep-link.ts).
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from "jose";
import { z } from "zod";
import { text } from "@/lib/validation";
import { db } from "@/server/db";
import { refusalPage } from "@/server/http/refusal-page";
import { findLessons } from "@/server/content/lessons";
import { startSession } from "@/server/session";
import { checkDeepLinkingClaims, checkLaunchClaims, CLOCK_SKEW_S, isDeepLinkingRequest, launchTarget } from "./claims";
import { deepLinkPickerPath } from "./deep-link-response";
import { classNeedsInstructor, linkLaunch } from "./accounts";
import { LOGIN_TTL_S, nonceFor, readState, stateCookie, stateCookieName } from "./login";
import { platformById } from "./platforms";
import { rememberLineItem } from "./ags-store";
import { rememberMemberships } from "./roster";
import { isUniqueViolation } from "@/server/prisma-client";

export const launchForm = z.object({
  id_token: text("The launch has no id_token.").pipe(z.string().min(1, "The launch has no id_token.").max(60_000, "The launch's id_token is too long.")),
  state: text("The launch has no state.").pipe(z.string().regex(/^[A-Za-z0-9_.-]{20,200}$/, "The launch's state is not one this tool issued.")),
});

// One key set per platform JWKS URL, per process: jose keeps the keys for cacheMaxAge and
// fetches again when a token names a key id not in its copy — at most once every 10 s, so a
// platform that rotated its key is trusted within seconds, and tokens with made-up key ids
// cannot make the tool hammer the platform.
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function keySetFor(jwksUrl: string) {
  let set = keySets.get(jwksUrl);
  if (!set) {
    set = createRemoteJWKSet(new URL(jwksUrl), { cacheMaxAge: 10 * 60_000, cooldownDuration: 10_000, timeoutDuration: 5_000 });
    keySets.set(jwksUrl, set);
  }
  return set;
}

/** A refusal page that also removes this login's state cookie. */
function refused(status: number, message: string, state?: string): Response {
  const page = refusalPage(status, message, "This launch was refused");
  if (state) page.headers.append("Set-Cookie", stateCookie(state, 0));
  return page;
}

function verifyFailure(error: unknown): { status: number; message: string } {
  if (error instanceof errors.JWTExpired) return { status: 401, message: "The launch token has expired. Open the link in your course again." };
  if (error instanceof errors.JWKSTimeout || (error instanceof errors.JOSEError && error.code === "ERR_JWKS_INVALID")) {
    return { status: 502, message: "The learning platform's public keys could not be fetched. Try again in a moment." };
  }
  if (error instanceof errors.JOSEError) return { status: 401, message: "The launch token's signature is not the platform's: it was refused." };
  if (error instanceof TypeError) return { status: 502, message: "The learning platform's public keys could not be fetched. Try again in a moment." };
  throw error;
}

/** Stores the login's nonce; false when it was stored before (the same launch again). */
async function storeNonceOnce(state: string, nonce: string, platformId: string, expires: number, now: Date): Promise<boolean> {
  // Rows are needed only while their login could still be replayed: older ones go as new ones come.
  await db.ltiNonce.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - LOGIN_TTL_S * 1000) } } });
  try {
    await db.ltiNonce.create({ data: { state, nonce, platformId, expiresAt: new Date(expires * 1000), usedAt: now }, select: { nonce: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function finishLaunch(form: z.output<typeof launchForm>, hasStateCookie: (name: string) => boolean, appOrigin: string): Promise<Response> {
  const { id_token: token, state } = form;
  if (!hasStateCookie(stateCookieName(state))) {
    return refused(401, "This browser did not start this launch (its state cookie is missing). Open the link in your course again; if your browser blocks cookies for Behind the Headline, allow them or open the tool in a new window.");
  }
  const now = new Date();
  const login = readState(state, Math.floor(now.getTime() / 1000));
  if (!login) return refused(401, "This launch has expired or was not started by Behind the Headline. Open the link in your course again.", state);
  const platform = await platformById(login.platformId);
  if (!platform) return refused(401, "The learning platform of this launch is no longer registered.", state);

  try {
    if (decodeProtectedHeader(token).alg !== "RS256") return refused(401, "The launch token is not signed with RS256.", state);
  } catch {
    return refused(400, "The launch token is not a signed token (JWT).", state);
  }
  let payload: Record<string, unknown>;
  try {
    payload = (await jwtVerify(token, keySetFor(platform.jwksUrl), { algorithms: ["RS256"], clockTolerance: CLOCK_SKEW_S })).payload;
  } catch (error) {
    const failure = verifyFailure(error);
    return refused(failure.status, failure.message, state);
  }
  const nonce = nonceFor(state);
  const expected = { issuer: platform.issuer, clientId: platform.clientId, deploymentIds: platform.deploymentIds, nonce, now: Math.floor(now.getTime() / 1000) };
  // A deep linking request (an instructor adding the tool in the LMS) meets its own rules, then goes the same way up to the sign-in.
  const deepLink = isDeepLinkingRequest(payload) ? checkDeepLinkingClaims(payload, expected) : null;
  const check = deepLink ?? checkLaunchClaims(payload, expected);
  if (!check.ok) return refused(check.status, check.reason, state);
  if (!(await storeNonceOnce(state, nonce, platform.id, login.expires, now))) return refused(401, "This launch was already used. Open the link in your course again.", state);
  const launch = check.launch;
  if (await classNeedsInstructor(launch)) {
    return refused(409, "Your instructor has not opened Behind the Headline from this course yet. Try again once they have.", state);
  }

  const linked = await linkLaunch(launch, platform.name);
  if ("refusal" in linked) return refused(403, linked.refusal, state);
  await startSession(linked.user);
  if (deepLink?.ok) {
    // The picker needs no session: where the LMS frames it, the session cookie set above is dropped (docs/lti.md).
    const picker = deepLinkPickerPath(deepLink.settings, platform.id, launch.deploymentId, linked.user, now.getTime());
    return new Response(null, { status: 303, headers: { Location: appOrigin + picker, "Set-Cookie": stateCookie(state, 0), "Cache-Control": "no-store" } });
  }
  const units = new Set((await findLessons()).entries.map((e) => e.slug));
  const target = launchTarget(launch, appOrigin, (slug) => units.has(slug));
  await rememberLineItem(launch, platform.id, linked.user.id, target); // grades back to the LMS (ags-store.ts)
  await rememberMemberships(launch, platform.id); // roster sync (roster.ts)
  return new Response(null, { status: 303, headers: { Location: appOrigin + target, "Set-Cookie": stateCookie(state, 0), "Cache-Control": "no-store" } });
}
