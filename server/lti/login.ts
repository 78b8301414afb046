import "server-only";
// Step 1 of an LTI 1.3 launch: the platform's third-party-initiated login (OIDC). The LMS sends
// the browser here (GET or a form POST) naming itself (iss), the user (login_hint) and the link
// (target_link_uri); the tool answers with a redirect to the platform's authorisation URL,
// carrying a state and a nonce. Nothing is stored: the state is signed by this app (which
// platform, until when) and the nonce is derived from it, so a flood of logins costs no rows.
// The state also goes into a cookie on this browser, so that only the browser that started the
// login can finish it (server/lti/launch.ts); the launch stores the nonce (LtiNonce) once the
// platform's signature is verified, which makes each login launch once.
// Why the cookie is SameSite=None; Secure; Partitioned: docs/lti.md and
// docs/decisions/028-lti-state-cookie-and-jose.md.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { LTI_PATHS } from "@/lib/lti";
import { text } from "@/lib/validation";
import { refusalPage } from "@/server/http/refusal-page";
import { SECURE_COOKIES } from "@/server/session";
import { mac } from "./mac";
import { platformFor } from "./platforms";

/** How long a login may take before its launch arrives. */
export const LOGIN_TTL_S = 10 * 60;

const field = (name: string, max: number) => text(`The login request has no ${name}.`).pipe(z.string().min(1, `The login request has no ${name}.`).max(max, `The login request's ${name} is too long.`));

export const loginParams = z.object({
  iss: field("issuer (iss)", 500),
  login_hint: field("login_hint", 2000),
  target_link_uri: field("target_link_uri", 2000),
  lti_message_hint: field("lti_message_hint", 4000).optional(),
  client_id: field("client_id", 255).optional(),
  lti_deployment_id: field("lti_deployment_id", 255).optional(),
});
export type LoginParams = z.output<typeof loginParams>;

/** The HMAC everything here signs with (its own module: proxy.ts needs it without the database). */
export { mac };

/** A login's state: random, the platform's id and when it expires (seconds), signed by this app. */
export function makeState(platformId: string, expires: number, random = randomBytes(24).toString("base64url")): string {
  const body = `${random}.${platformId}.${expires}`;
  return `${body}.${mac("state", body)}`;
}

/** What a state says, when this app signed it and it has not expired; else null. */
export function readState(state: string, now: number): { platformId: string; expires: number } | null {
  const parts = state.split(".");
  if (parts.length !== 4) return null;
  const [random, platformId, expiresText, signature] = parts;
  const expected = Buffer.from(mac("state", `${random}.${platformId}.${expiresText}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expires = Number(expiresText);
  return Number.isInteger(expires) && expires > now ? { platformId, expires } : null;
}

/** The nonce the platform must put in the id_token of the login with this state. */
export function nonceFor(state: string): string {
  return mac("nonce", state);
}

/** The cookie that binds a login's state to this browser: one per login, so two tabs can launch at once. */
export function stateCookieName(state: string): string {
  return `${SECURE_COOKIES ? "__Host-" : ""}lti-state-${createHash("sha256").update(state).digest("base64url").slice(0, 32)}`;
}

/**
 * SameSite=None: the launch is a cross-site form POST from the LMS, on which Lax cookies are not
 * sent. That needs Secure (browsers treat http://localhost as secure, so tests work over http).
 * Partitioned (CHIPS): where the LMS opens the tool in an iframe, browsers that block
 * third-party cookies still keep a cookie partitioned by the LMS's site; opened in its own
 * window, the partition is this site's own, so nothing changes.
 */
export function stateCookie(state: string, maxAge: number): string {
  return `${stateCookieName(state)}=${maxAge > 0 ? "1" : ""}; Path=/; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=None; Partitioned`;
}

/** The platform's authorisation request (OIDC implicit flow, form_post) for this login. */
export function authRedirect(authUrl: string, params: LoginParams, clientId: string, redirectUri: string, state: string, nonce: string): string {
  const url = new URL(authUrl);
  const query: Record<string, string | undefined> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: clientId,
    redirect_uri: redirectUri,
    login_hint: params.login_hint,
    lti_message_hint: params.lti_message_hint,
    state,
    nonce,
  };
  for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** Answers a login request: a redirect to the platform with state and nonce, or a refusal page. */
export async function startLogin(params: LoginParams, appOrigin: string): Promise<Response> {
  const platform = await platformFor(params.iss, params.client_id);
  if (!platform) return refusalPage(400, "This learning platform is not registered with Behind the Headline (unknown issuer or client id). Ask your school's admin to register it on the LTI admin page.");
  if (params.lti_deployment_id && !platform.deploymentIds.includes(params.lti_deployment_id)) {
    return refusalPage(403, "This deployment of the tool is not registered here. Ask your school's admin to add its deployment id on the LTI admin page.");
  }
  let target: URL | null = null;
  try {
    target = new URL(params.target_link_uri);
  } catch {
    target = null;
  }
  if (!target || target.origin !== new URL(appOrigin).origin) return refusalPage(400, "The link points to another site than Behind the Headline (target_link_uri).");

  const state = makeState(platform.id, Math.floor(Date.now() / 1000) + LOGIN_TTL_S);
  const location = authRedirect(platform.authUrl, params, platform.clientId, appOrigin + LTI_PATHS.launch, state, nonceFor(state));
  return new Response(null, { status: 302, headers: { Location: location, "Set-Cookie": stateCookie(state, LOGIN_TTL_S), "Cache-Control": "no-store" } });
}

/** This app's origin as the platform sees it: NEXTAUTH_URL when set (behind a proxy), else the request's. */
export function appOrigin(requestOrigin: string): string {
  try {
    return process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).origin : requestOrigin;
  } catch {
    return requestOrigin;
  }
}
