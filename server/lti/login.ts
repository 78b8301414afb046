import "server-only";
// Step 1 of an LTI 1.3 launch: the platform's third-party-initiated login (OIDC). The LMS sends
// the browser here (GET or a form POST) naming itself (iss), the user (login_hint) and the link
// (target_link_uri); the tool answers with a redirect to the platform's authorisation URL,
// carrying a fresh state and nonce. The state goes into a cookie on this browser too, so that
// only the browser that started the login can finish it (server/lti/launch.ts); the nonce must
// come back inside the signed id_token. Both are stored (LtiNonce) and used at most once.
// Why the cookie is SameSite=None; Secure; Partitioned: docs/lti.md and
// docs/decisions/027-lti-state-cookie-and-jose.md.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { LTI_PATHS } from "@/lib/lti";
import { text } from "@/lib/validation";
import { db } from "@/server/db";
import { refusalPage } from "@/server/http/refusal-page";
import { SECURE_COOKIES } from "@/server/session";
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

/** The cookie that binds a login's state to this browser: one per login, so two tabs can launch at once. */
export function stateCookieName(state: string): string {
  return `${SECURE_COOKIES ? "__Host-" : ""}lti-state-${state}`;
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

const random = () => randomBytes(32).toString("base64url");

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

  const state = random();
  const nonce = random();
  const now = new Date();
  // Logins that were never finished are cleared as new ones start (an index on expiresAt).
  await db.ltiNonce.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - LOGIN_TTL_S * 1000) } } });
  await db.ltiNonce.create({ data: { state, nonce, platformId: platform.id, expiresAt: new Date(now.getTime() + LOGIN_TTL_S * 1000) }, select: { state: true } });
  const location = authRedirect(platform.authUrl, params, platform.clientId, appOrigin + LTI_PATHS.launch, state, nonce);
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
