import "server-only";
// LTI Dynamic Registration 1.0: the LMS opens the tool's registration URL (/api/lti/register)
// with the address of its OpenID configuration (openid_configuration) and, usually, a one-time
// registration_token. The tool reads that configuration, posts its own registration (an OpenID
// client registration with the LTI tool configuration) to the platform's registration
// endpoint, and stores the client id and deployment id the platform answers with — as the
// form on /admin/lti would (registerPlatform). The pure rules (which configuration is
// acceptable, what the tool asks for, what answer is usable) are unit-tested in
// registration.test.ts; the route and its pages are app/api/lti/register/route.ts.
import { z } from "zod";
import { DEPLOYMENT_ID, isPlatformUrl, LOOPBACK, LTI_PATHS, platformForm, toolUrls } from "@/lib/lti";
import { text } from "@/lib/validation";
import { registerPlatform, type Registered } from "./platforms";

export const PLATFORM_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-platform-configuration";
export const TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
/** What the tool asks to use: grades (AGS line items and scores) and rosters (NRPS). */
export const TOOL_SCOPES = [
  "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
] as const;
export const TOOL_NAME = "Behind the Headline";

/** How long the platform may take to answer, and how much of an answer is read. */
export const FETCH_TIMEOUT_MS = 10_000;
export const FETCH_MAX_BYTES = 64 * 1024;

const param = (name: string, max: number) => text(`The registration link has no ${name}.`).pipe(z.string().min(1, `The registration link has no ${name}.`).max(max, `The registration link's ${name} is too long.`));

/** The query the LMS opens the registration URL with (and the confirmation form posts back). */
export const registrationParams = z.object({
  openid_configuration: param("openid_configuration", 2000),
  registration_token: param("registration_token", 4000).optional(),
});
export type RegistrationParams = z.output<typeof registrationParams>;

/**
 * A URL the tool may fetch from or hand to a platform: https, without credentials or fragment.
 * http only to this machine, and only when the app itself runs on this machine (the tests, a
 * trial on a laptop): an app on a real address never fetches http://localhost.
 */
export function isAllowedUrl(raw: unknown, appOrigin: string): raw is string {
  if (typeof raw !== "string" || raw.length > 2000 || !isPlatformUrl(raw)) return false;
  if (new URL(raw).protocol === "https:") return true;
  try {
    return LOOPBACK.has(new URL(appOrigin).hostname);
  } catch {
    return false;
  }
}

/** What the tool keeps of a platform's OpenID configuration. */
export type PlatformConfiguration = {
  issuer: string;
  authUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  registrationUrl: string;
  productFamily: string;
  version: string | null;
  /** A name for the admin page: the product and the issuer's host ("moodle at lms.school.example"). */
  name: string;
  messages: string[];
};

type Result<T> = { ok: true; value: T } | { ok: false; error: string };
const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const VISIBLE = /^[^\p{Cc}\p{Cf}]{1,200}$/u;

/**
 * A platform's OpenID configuration, checked: every address the tool needs, each an allowed
 * URL, and the issuer on the same origin as the address the configuration came from (the spec
 * asks for the same host: otherwise any site could pose as another platform's issuer).
 */
export function readConfiguration(json: unknown, configurationUrl: string, appOrigin: string): Result<PlatformConfiguration> {
  if (!isRecord(json)) return fail("The platform's configuration is not a JSON object.");
  const urls: Record<string, string> = {};
  for (const field of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint"]) {
    const value = json[field];
    if (value === undefined || value === null || value === "") return fail(`The platform's configuration has no ${field}.`);
    if (!isAllowedUrl(value, appOrigin) || value.length > 500) return fail(`The platform's ${field} is not an https:// address.`);
    urls[field] = value;
  }
  if (new URL(urls.issuer).origin !== new URL(configurationUrl).origin) {
    return fail(`The platform's issuer (${urls.issuer}) is on another site than its configuration (${new URL(configurationUrl).origin}): refused, as LTI Dynamic Registration requires.`);
  }
  const lti = json[PLATFORM_CONFIGURATION];
  if (!isRecord(lti)) return fail(`The platform's configuration has no LTI platform configuration (${PLATFORM_CONFIGURATION}).`);
  const family = lti.product_family_code;
  if (typeof family !== "string" || !VISIBLE.test(family)) return fail("The platform's configuration has no product_family_code.");
  const version = typeof lti.version === "string" && VISIBLE.test(lti.version) ? lti.version : null;
  const messages = Array.isArray(lti.messages_supported)
    ? lti.messages_supported.flatMap((m) => (isRecord(m) && typeof m.type === "string" && VISIBLE.test(m.type) ? [m.type] : typeof m === "string" && VISIBLE.test(m) ? [m] : []))
    : [];
  if (Array.isArray(lti.messages_supported) && messages.length > 0 && !messages.includes("LtiResourceLinkRequest")) return fail("The platform does not offer LTI resource link launches (messages_supported).");
  const methods = json.token_endpoint_auth_methods_supported;
  if (Array.isArray(methods) && !methods.includes("private_key_jwt")) return fail("The platform does not accept signed tool tokens (token_endpoint_auth_methods_supported lacks private_key_jwt).");
  const algs = json.id_token_signing_alg_values_supported;
  if (Array.isArray(algs) && !algs.includes("RS256")) return fail("The platform does not sign with RS256 (id_token_signing_alg_values_supported).");
  const name = `${family} at ${new URL(urls.issuer).host}`.slice(0, 80);
  return {
    ok: true,
    value: { issuer: urls.issuer, authUrl: urls.authorization_endpoint, tokenUrl: urls.token_endpoint, jwksUrl: urls.jwks_uri, registrationUrl: urls.registration_endpoint, productFamily: family, version, name, messages },
  };
}

/** The tool's registration (OpenID client registration with the LTI tool configuration), for this app at `appOrigin`. */
export function registrationRequest(appOrigin: string) {
  const urls = toolUrls(appOrigin);
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: urls.login,
    redirect_uris: [urls.launch],
    client_name: TOOL_NAME,
    jwks_uri: urls.jwks,
    token_endpoint_auth_method: "private_key_jwt",
    scope: TOOL_SCOPES.join(" "),
    [TOOL_CONFIGURATION]: {
      domain: new URL(appOrigin).host,
      description: "A media-literacy course: reading news about terrorism critically.",
      target_link_uri: urls.target,
      claims: ["iss", "sub", "name", "given_name", "family_name"],
      messages: [
        { type: "LtiResourceLinkRequest", target_link_uri: urls.target, label: TOOL_NAME },
        { type: "LtiDeepLinkingRequest", target_link_uri: appOrigin.replace(/\/+$/, "") + LTI_PATHS.launch, label: TOOL_NAME },
      ],
    },
  };
}

/** The platform's answer to the registration: the client id it gave the tool, and the deployment id. */
export function readRegistrationAnswer(json: unknown): Result<{ clientId: string; deploymentId: string }> {
  if (!isRecord(json)) return fail("The platform's answer to the registration is not a JSON object.");
  const clientId = json.client_id;
  if (typeof clientId !== "string" || !/^[\x21-\x7e]{1,255}$/.test(clientId)) return fail("The platform's answer has no usable client_id.");
  const tool = json[TOOL_CONFIGURATION];
  const given = isRecord(tool) ? tool.deployment_id : undefined;
  const deploymentId = Number.isSafeInteger(given) ? String(given) : given;
  if (typeof deploymentId !== "string" || !DEPLOYMENT_ID.test(deploymentId)) {
    return fail(`The platform registered the tool (client id ${clientId}) but gave no usable deployment id. Find it in the LMS and add the platform by the form on /admin/lti.`);
  }
  return { ok: true, value: { clientId, deploymentId } };
}

/** The reason in an OAuth error answer ({ error, error_description }), and nothing else of a body. */
export function oauthError(body: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isRecord(json)) return null;
  const parts = [json.error, json.error_description].filter((p): p is string => typeof p === "string" && /^[^\p{Cc}]{1,300}$/u.test(p));
  return parts.length ? parts.join(": ") : null;
}

/**
 * Fetches JSON from a platform: no redirects followed, at most FETCH_TIMEOUT_MS and
 * FETCH_MAX_BYTES. Never throws: a failure is a sentence for the admin.
 */
export async function fetchJson(url: string, init: { method?: "GET" | "POST"; headers?: Record<string, string>; body?: string } = {}): Promise<{ ok: true; status: number; json: unknown } | { ok: false; status?: number; error: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), FETCH_TIMEOUT_MS);
  try {
    const response = await fetch(url, { method: init.method ?? "GET", headers: { Accept: "application/json", ...init.headers }, body: init.body, redirect: "manual", signal: controller.signal, cache: "no-store" });
    if (response.status >= 300 && response.status < 400) return { ok: false, status: response.status, error: `${url} answered with a redirect (HTTP ${response.status}), which the tool does not follow.` };
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > FETCH_MAX_BYTES) return { ok: false, status: response.status, error: `${url} answered with more than ${FETCH_MAX_BYTES / 1024} KB.` };
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (response.body) {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > FETCH_MAX_BYTES) {
          await reader.cancel().catch(() => undefined);
          return { ok: false, status: response.status, error: `${url} answered with more than ${FETCH_MAX_BYTES / 1024} KB.` };
        }
        chunks.push(value);
      }
    }
    const body = Buffer.concat(chunks).toString("utf8");
    if (!response.ok) {
      const reason = oauthError(body);
      return { ok: false, status: response.status, error: `${url} answered HTTP ${response.status}${reason ? `: ${reason}` : ""}.` };
    }
    try {
      return { ok: true, status: response.status, json: JSON.parse(body) as unknown };
    } catch {
      return { ok: false, status: response.status, error: `${url} did not answer with JSON.` };
    }
  } catch {
    return { ok: false, error: controller.signal.aborted ? `${url} did not answer within ${FETCH_TIMEOUT_MS / 1000} seconds.` : `${url} could not be reached.` };
  } finally {
    clearTimeout(timer);
  }
}

/** The platform's configuration, fetched from where the LMS says and checked. */
export async function loadConfiguration(configurationUrl: string, appOrigin: string): Promise<Result<PlatformConfiguration>> {
  if (!isAllowedUrl(configurationUrl, appOrigin)) return fail("The platform's configuration address (openid_configuration) is not an https:// address.");
  const fetched = await fetchJson(configurationUrl);
  if (!fetched.ok) return fail(`The platform's configuration could not be read: ${fetched.error}`);
  return readConfiguration(fetched.json, configurationUrl, appOrigin);
}

export type Completed = { name: string; issuer: string; clientId: string; deploymentId: string; registered: Registered };

/** Registers the tool with the platform, then the platform here (a new one, or a deployment added to it). */
export async function completeRegistration(config: PlatformConfiguration, token: string | undefined, appOrigin: string): Promise<Result<Completed>> {
  const posted = await fetchJson(config.registrationUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(registrationRequest(appOrigin)),
  });
  if (!posted.ok) return fail(`The platform refused the registration: ${posted.error}`);
  const answer = readRegistrationAnswer(posted.json);
  if (!answer.ok) return answer;
  // The same rules as the form on /admin/lti.
  const form = platformForm.safeParse({ name: config.name, issuer: config.issuer, clientId: answer.value.clientId, deploymentIds: answer.value.deploymentId, authUrl: config.authUrl, tokenUrl: config.tokenUrl, jwksUrl: config.jwksUrl });
  if (!form.success) return fail(`The platform's registration could not be stored: ${form.error.issues[0]?.message ?? "invalid"}`);
  const registered = await registerPlatform(form.data);
  return { ok: true, value: { name: config.name, issuer: config.issuer, clientId: answer.value.clientId, deploymentId: answer.value.deploymentId, registered } };
}
