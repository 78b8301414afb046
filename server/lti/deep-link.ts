// LTI Deep Linking 2.0, the tool's side: an instructor adding the tool in the LMS picks units
// here and the LMS gets them back as signed content items. The parts, in the order they run:
//   request   the launch (server/lti/launch.ts) has checked the LtiDeepLinkingRequest
//             (claims.ts: checkDeepLinkingClaims) and signed the instructor in; what the
//             platform asked for goes to the picker page as a value this app signs (HMAC with
//             NEXTAUTH_SECRET, like the login's state), bound to the instructor (id and
//             sessionVersion) and valid for DEEP_LINK_TTL_S — the browser carries it but cannot
//             change where the answer goes. It, not the session, is the picker's authority:
//             the LMS may show the picker in its frame, where the session cookie is not sent
//   picks     the picker's form (app/(instructor)/instructor/lti/deep-link/page.tsx): published
//             units and "the whole course", checkboxes (radio buttons when the platform
//             accepts one item only); its Cancel button answers with no items
//   items     one ltiResourceLink per pick; a unit with a graded quiz also gets a line item
//             (a gradebook column, scores out of 100); the whole course links to /course
//   response  the LtiDeepLinkingResponse JWT, RS256 with the tool's current key (keys.ts)
//   return    a page that posts it (field JWT) to the platform's deep_link_return_url, by
//             itself or with its Continue button, under its own CSP whose form-action is that
//             URL's origin only (next.config.ts leaves this route's CSP to it); each request
//             is answered once (its id stored with the used nonces, LtiNonce), so the Back
//             button cannot add the same units to the course twice
//   framing   the picker and the return page may be framed by the origin of the return URL
//             (the platform that asked) and no one else: frameAncestors, pickerHeaders
// Pure apart from the signature (no database): the route's work is deep-link-response.ts.
// Spec: IMS LTI Deep Linking 2.0 §3 (content items), §4.5 (response message).
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { importJWK, SignJWT } from "jose";
import { z } from "zod";
import { text } from "@/lib/validation";
import { DEEP_LINK_DATA_MAX, DEEP_LINKING_RESPONSE, DL_CLAIM, isReturnUrl, LTI_CLAIM, LTI_VERSION, RETURN_URL_MAX, type DeepLinkSettings } from "./claims";
import { mac } from "./mac";

/** The picker page's path (app/(instructor)/instructor/lti/deep-link/page.tsx). */
export const DEEP_LINK_PAGE = "/instructor/lti/deep-link";
/** How long the instructor has to pick, from the launch. */
export const DEEP_LINK_TTL_S = 30 * 60;
/** The response's lifetime (the platform checks it as soon as the browser posts it). */
export const RESPONSE_TTL_S = 5 * 60;
/** The pick that stands for the whole course: never a unit's slug (those are [a-z0-9-]). */
export const WHOLE_COURSE = "_course";
/** The window the links ask the LMS to open them in, when it can: only the picker may be framed, not the units (docs/lti.md). */
export const WINDOW_TARGET = "behind-the-headline";
/** Line items' maximum score: the percentage the quiz gives. */
export const SCORE_MAXIMUM = 100;

/**
 * A deep linking request as the picker and the answer need it: the platform's settings, for
 * which platform and deployment, and a random id under which its answer is recorded once.
 */
export type DeepLinkRequest = DeepLinkSettings & { platformId: string; deploymentId: string; id: string };

type Signed = { n: string; u: string; v?: number; p: string; d: string; r: string; m: boolean; w: boolean; x?: string; e: number };

/** Whom a request was signed for: the instructor, and their sessionVersion then (ending their sessions ends the request too). */
export type DeepLinkSigner = { id: string; sessionVersion: number };

/** A signed request as read back: the request, and whom it was signed for. */
export type SignedDeepLinkRequest = { request: DeepLinkRequest; userId: string; sessionVersion: number | null };

/** A new request id: random, 16 characters. */
export const newRequestId = () => randomBytes(12).toString("base64url");

/** The request, signed for `user` until `expires` (seconds): `<base64url JSON>.<HMAC>`. */
export function signDeepLinkRequest(request: DeepLinkRequest, user: DeepLinkSigner, expires: number): string {
  const signed: Signed = { n: request.id, u: user.id, v: user.sessionVersion, p: request.platformId, d: request.deploymentId, r: request.returnUrl, m: request.acceptMultiple, w: request.newWindow, ...(request.data !== undefined ? { x: request.data } : {}), e: expires };
  const body = Buffer.from(JSON.stringify(signed)).toString("base64url");
  return `${body}.${mac("deep-link", body)}`;
}

/**
 * What a signed request says and whom it was signed for, when this app signed it and it has not
 * expired; else null. It is the picker's authority (no session needed, so it works in the LMS's
 * frame): the caller checks that the user it names is still an instructor (deep-link-response.ts).
 */
export function readDeepLinkRequest(value: string, now: number): SignedDeepLinkRequest | null {
  const [body, signature, ...rest] = value.split(".");
  if (!body || !signature || rest.length) return null;
  const expected = Buffer.from(mac("deep-link", body));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let signed: Signed;
  try {
    signed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Signed;
  } catch {
    return null;
  }
  if (typeof signed.n !== "string" || !/^[\w-]{16}$/.test(signed.n)) return null;
  if (typeof signed.u !== "string" || !signed.u || !(signed.e > now) || typeof signed.r !== "string" || !isReturnUrl(signed.r)) return null;
  const sessionVersion = Number.isSafeInteger(signed.v) ? (signed.v as number) : null;
  const request: DeepLinkRequest = { id: signed.n, platformId: signed.p, deploymentId: signed.d, returnUrl: signed.r, acceptMultiple: signed.m === true, newWindow: signed.w === true, ...(typeof signed.x === "string" ? { data: signed.x } : {}) };
  return { request, userId: signed.u, sessionVersion };
}

// ---- Framing: the LMS may show the picker in a frame (Canvas's selection placements, Moodle's
// "Select content" dialog). Only the platform that asked may frame it, and only these two
// responses (the picker page and its answer): every other page stays frame-ancestors 'none'.

/** An origin as a CSP source: http(s), a DNS name or IP address, an optional port — never a wildcard, path, quote or keyword. */
const CSP_ORIGIN = /^https?:\/\/(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/;

/** The origin of `url` when a frame-ancestors rule may name it; else null. */
export function frameOrigin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // blob: and other schemes can have an http(s) origin: only the return URL's own scheme counts.
  return (parsed.protocol === "https:" || parsed.protocol === "http:") && CSP_ORIGIN.test(parsed.origin) ? parsed.origin : null;
}

/**
 * Who may frame the picker and its answer: the origin of the platform's deep_link_return_url —
 * where the LMS itself said the answer goes, signed into the request — or no one ('none').
 */
export function frameAncestors(returnUrl: string | null | undefined): string {
  return (returnUrl && frameOrigin(returnUrl)) || "'none'";
}

/**
 * The headers of a response that `ancestors` may frame, besides its CSP: X-Frame-Options cannot
 * name an origin, so it is sent (DENY) only when no one may; and the Referrer-Policy that
 * next.config.ts leaves to these paths (the app's own: other sites learn at most its origin).
 */
export function frameHeaders(ancestors: string): Record<string, string> {
  return { "Referrer-Policy": "strict-origin-when-cross-origin", ...(ancestors === "'none'" ? { "X-Frame-Options": "DENY" } : {}) };
}

/**
 * The picker's Referrer-Policy: its address holds the signed request, which no other site may
 * learn — a link or resource on another origin gets no Referer at all. Not "no-referrer": under
 * it browsers send `Origin: null` on the form's own POST, which the same-origin check refuses;
 * "same-origin" keeps the Origin header and sends the Referer to this app only.
 */
export const PICKER_REFERRER_POLICY = "same-origin";

/**
 * The picker page's framing headers, from its `request` parameter (proxy.ts sets them;
 * next.config.ts leaves this path's CSP, X-Frame-Options and Referrer-Policy to it): the app's
 * CSP (`baseCsp`) with frame-ancestors the requesting platform's origin when the request is
 * one this app signed and current, else 'none'; no Referer to other origins (the request is in the address).
 */
export function pickerHeaders(value: string | null, baseCsp: string, now: number): Record<string, string> {
  const signed = value ? readDeepLinkRequest(value, now) : null;
  const ancestors = frameAncestors(signed?.request.returnUrl);
  return { "Content-Security-Policy": baseCsp.replace(/frame-ancestors [^;]*/, `frame-ancestors ${ancestors}`), ...frameHeaders(ancestors), "Referrer-Policy": PICKER_REFERRER_POLICY };
}

/** The longest signed request: the return URL and data at their longest (bytes as JSON holds them) and the rest, in base64. */
const REQUEST_MAX = Math.ceil(((RETURN_URL_MAX + DEEP_LINK_DATA_MAX + 1000) * 4) / 3);

/**
 * The picker's form: the signed request and the picks. Checkboxes are named `pick:<slug>`
 * (value "on"), radio buttons `pick` (value: the slug); the whole course is WHOLE_COURSE.
 */
export const deepLinkForm = z
  .object({
    request: text("The form has no deep linking request.").pipe(z.string().regex(new RegExp(`^[A-Za-z0-9_-]{1,${REQUEST_MAX}}\\.[A-Za-z0-9_-]{43}$`), "The form's deep linking request is not one this tool made.")),
    pick: z.string().max(200).optional(),
    /** The Cancel button: an answer with no items, which the platform takes as "nothing added". */
    cancel: z.literal("1").optional(),
  })
  .catchall(z.string().max(10));

/** The slugs picked in the form (WHOLE_COURSE for the whole course), each once, in form order. */
export function picksOf(form: Record<string, string | undefined>): string[] {
  const picks = Object.keys(form)
    .filter((k) => k.startsWith("pick:") && form[k] === "on")
    .map((k) => k.slice(5));
  if (form.pick) picks.unshift(form.pick);
  return [...new Set(picks)];
}

/** A unit as the picker offers it. */
export type PickableUnit = { slug: string; title: string; graded: boolean };

export type ContentItem = {
  type: "ltiResourceLink";
  title: string;
  url: string;
  custom?: Record<string, string>;
  window?: { targetName: string };
  lineItem?: { scoreMaximum: number; label: string; resourceId: string };
};

/**
 * The content items for the picks, in course order (the whole course last), or why not:
 * nothing picked, a pick that is not a published unit, several when the platform takes one.
 * Where the platform can open links in a new window, each asks for one (WINDOW_TARGET).
 */
export function contentItems(
  picks: readonly string[],
  units: readonly PickableUnit[],
  appOrigin: string,
  { acceptMultiple, newWindow }: Pick<DeepLinkSettings, "acceptMultiple" | "newWindow">,
): { items: ContentItem[] } | { refusal: string } {
  if (!picks.length) return { refusal: "Nothing was picked: go back, tick at least one unit or the whole course, and add them again." };
  const known = new Set(units.map((u) => u.slug));
  const unknown = picks.find((p) => p !== WHOLE_COURSE && !known.has(p));
  if (unknown !== undefined) return { refusal: "One of the picks is not a unit of the course. Go back and pick from the list." };
  if (picks.length > 1 && !acceptMultiple) return { refusal: "Your learning platform takes one item here: go back and pick one unit or the whole course." };
  const base = appOrigin.replace(/\/+$/, "");
  const presentation = newWindow ? { window: { targetName: WINDOW_TARGET } } : {};
  const items: ContentItem[] = units
    .filter((u) => picks.includes(u.slug))
    .map((u) => ({
      type: "ltiResourceLink",
      title: u.title,
      url: `${base}/lessons/${u.slug}`,
      custom: { unit: u.slug },
      ...presentation,
      ...(u.graded ? { lineItem: { scoreMaximum: SCORE_MAXIMUM, label: u.title, resourceId: u.slug } } : {}),
    }));
  if (picks.includes(WHOLE_COURSE)) items.push({ type: "ltiResourceLink", title: "Behind the Headline", url: `${base}/course`, ...presentation });
  return { items };
}

/** Who the response is from and to: the platform's registration and the request's deployment. */
export type ResponseParty = { clientId: string; issuer: string; deploymentId: string };

/** The LtiDeepLinkingResponse (Deep Linking 2.0 §4.5), signed RS256 with the tool's key (its kid in the header). */
export async function signDeepLinkResponse(key: { kid: string; privateJwk: string }, party: ResponseParty, items: ContentItem[], data: string | undefined, now: number): Promise<string> {
  const privateKey = await importJWK(JSON.parse(key.privateJwk) as Parameters<typeof importJWK>[0], "RS256");
  return new SignJWT({
    nonce: randomBytes(16).toString("base64url"),
    [LTI_CLAIM.messageType]: DEEP_LINKING_RESPONSE,
    [LTI_CLAIM.version]: LTI_VERSION,
    [LTI_CLAIM.deploymentId]: party.deploymentId,
    [DL_CLAIM.contentItems]: items,
    [DL_CLAIM.msg]: items.length ? `Added from Behind the Headline: ${items.map((i) => i.title).join("; ")}`.slice(0, 500) : "Nothing was added from Behind the Headline.",
    ...(data !== undefined ? { [DL_CLAIM.data]: data } : {}),
  })
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(party.clientId)
    .setAudience(party.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + RESPONSE_TTL_S)
    .sign(privateKey);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const sha256 = (s: string) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`;

const STYLE = "body{font-family:system-ui,sans-serif;line-height:1.5;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1b1b1f}h1{font-size:1.6rem}button{font:inherit;padding:.5rem 1rem}";
const SCRIPT = 'document.getElementById("deep-link-return").submit();';

/**
 * The page that takes the response to the platform: a form posting the JWT to the return URL,
 * sent by its script, or by its Continue button without scripts. Its CSP allows that one
 * inline script and style (by hash) and form posts to the return URL's origin only.
 */
export function returnPage(returnUrl: string, jwt: string, count: number): Response {
  // Framed by the platform when it framed the picker (its return URL's origin), by no one else.
  const ancestors = frameAncestors(returnUrl);
  const csp = ["default-src 'none'", `script-src ${sha256(SCRIPT)}`, `style-src ${sha256(STYLE)}`, `form-action ${new URL(returnUrl).origin}`, `frame-ancestors ${ancestors}`, "base-uri 'none'"].join("; ");
  const what = count === 0 ? "Nothing goes" : count === 1 ? "1 item goes" : `${count} items go`;
  const html = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Back to your course – Behind the Headline</title>
<style>${STYLE}</style></head>
<body>
<main>
<h1>Back to your course</h1>
<form method="post" action="${escapeHtml(returnUrl)}" id="deep-link-return">
<input type="hidden" name="JWT" value="${escapeHtml(jwt)}">
<p>${what} back to your learning platform. If it does not open by itself, press Continue.</p>
<button type="submit">Continue</button>
</form>
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
  return new Response(html, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store", "Content-Security-Policy": csp, ...frameHeaders(ancestors) } });
}
