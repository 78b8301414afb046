// The LTI 1.3 rules a launch's id_token must meet once its signature has been verified, and
// what the launch means for this app (who, in which course, as what, going where). Pure
// functions, unit-tested (claims.test.ts): the launch route (server/lti/launch.ts) verifies the
// signature with jose and then asks these. No marker: tests and scripts import it.
// Spec: IMS LTI 1.3 Core §5.1 (message), IMS Security Framework 1.0 §5.1.3 (id_token checks).

import { isPlatformUrl } from "@/lib/lti";
import { NAME_MAX, withoutInvisible } from "@/lib/validation";

const CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
export const LTI_CLAIM = {
  messageType: `${CLAIM}message_type`,
  version: `${CLAIM}version`,
  deploymentId: `${CLAIM}deployment_id`,
  targetLinkUri: `${CLAIM}target_link_uri`,
  resourceLink: `${CLAIM}resource_link`,
  roles: `${CLAIM}roles`,
  context: `${CLAIM}context`,
  custom: `${CLAIM}custom`,
} as const;

export const LTI_VERSION = "1.3.0";
export const RESOURCE_LINK_REQUEST = "LtiResourceLinkRequest";
/** Clock difference tolerated between the platform and this server, in seconds. */
export const CLOCK_SKEW_S = 60;
/** An id_token issued longer ago than this is refused even when its exp is later (seconds). */
export const MAX_TOKEN_AGE_S = 10 * 60;

export type LtiRole = "student" | "instructor";

export type Launch = {
  issuer: string;
  sub: string;
  deploymentId: string;
  role: LtiRole;
  /** The person's name as the platform sends it (may be empty: names are optional claims). */
  name: string;
  context: { id: string; title: string };
  targetLinkUri: string;
  custom: Record<string, string>;
  /** The resource link's id (the LMS's link to this tool that was opened). */
  resourceLinkId?: string;
  /** Assignment and Grade Services: where this link's scores go (absent when the platform offers none). */
  ags?: AgsEndpoint;
  /** Names and Role Provisioning Services: the course's membership list (absent when the platform offers none). */
  nrps?: NrpsService;
};

export type Expected = {
  issuer: string;
  clientId: string;
  deploymentIds: readonly string[];
  /** The nonce this browser's login was given. */
  nonce: string;
  /** Now, in seconds. */
  now: number;
};

export type ClaimRefusal = { ok: false; status: 400 | 401 | 403; reason: string };
export type ClaimCheck = { ok: true; launch: Launch } | ClaimRefusal;

const refuse = (status: ClaimRefusal["status"], reason: string): ClaimRefusal => ({ ok: false, status, reason });
const isText = (v: unknown, max = 1000): v is string => typeof v === "string" && v.length > 0 && v.length <= max;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The checks of IMS Security Framework §5.1.3 and LTI Core §5.1 on a verified id_token's payload. */
export function checkLaunchClaims(payload: Record<string, unknown>, expected: Expected): ClaimCheck {
  const message = checkMessage(payload, expected, RESOURCE_LINK_REQUEST);
  if (!message.ok) return message;
  const { deploymentId } = message;
  const link = payload[LTI_CLAIM.resourceLink];
  if (!isObject(link) || !isText(link.id, 255)) return refuse(400, "The launch names no resource link.");
  const targetLinkUri = payload[LTI_CLAIM.targetLinkUri];
  if (!isText(targetLinkUri, 2000)) return refuse(400, "The launch names no target link.");
  const roles = payload[LTI_CLAIM.roles];
  if (!Array.isArray(roles)) return refuse(400, "The launch has no roles claim.");
  const role = roleFromLti(roles);
  if (!role) return refuse(403, "Only learners, instructors and teaching assistants of a course can open this tool.");
  const context = payload[LTI_CLAIM.context];
  if (!isObject(context) || !isText(context.id, 255)) return refuse(400, "Open the tool from inside a course: the launch names no course (context).");
  const title = [context.title, context.label].find((t) => isText(t, 1000));

  return {
    ok: true,
    launch: {
      issuer: expected.issuer,
      sub: message.sub,
      deploymentId,
      role,
      name: personName(payload),
      context: { id: context.id, title: typeof title === "string" ? title : "" },
      targetLinkUri,
      custom: customParameters(payload[LTI_CLAIM.custom]),
      resourceLinkId: link.id,
      ...agsOf(payload[AGS_ENDPOINT_CLAIM]),
      ...nrpsOf(payload[NRPS_CLAIM]),
    },
  };
}

const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";

/**
 * This app's role for a set of LTI context roles: instructors and teaching assistants (a
 * sub-role of Instructor) teach, learners learn; anything else (mentors, observers,
 * administrators without a course role) is null. Teaching wins over learning.
 * Full URIs (membership#Instructor, membership/Instructor#TeachingAssistant) and the
 * deprecated short names (Instructor, Learner) are both read.
 */
export function roleFromLti(roles: readonly unknown[]): LtiRole | null {
  const principals = new Set<string>();
  for (const role of roles) {
    if (typeof role !== "string") continue;
    if (role.startsWith(`${MEMBERSHIP}#`)) principals.add(role.slice(MEMBERSHIP.length + 1));
    else if (role.startsWith(`${MEMBERSHIP}/`)) principals.add(role.slice(MEMBERSHIP.length + 1).split("#")[0]);
    else if (!role.includes("/") && !role.includes("#")) principals.add(role);
  }
  if (principals.has("Instructor") || principals.has("TeachingAssistant")) return "instructor";
  if (principals.has("Learner")) return "student";
  return null;
}

function personName(payload: Record<string, unknown>): string {
  if (isText(payload.name)) return payload.name;
  return [payload.given_name, payload.family_name].filter((p): p is string => isText(p)).join(" ");
}

function customParameters(custom: unknown): Record<string, string> {
  if (!isObject(custom)) return {};
  return Object.fromEntries(Object.entries(custom).filter((e): e is [string, string] => typeof e[1] === "string" && e[1].length <= 1000).slice(0, 50));
}

/**
 * Where the launch sends the person: the unit named by the custom parameter `unit`, else the
 * target link when it is a unit page of this app (`appOrigin` + /lessons/<slug>), else the
 * course page. `isUnit` says whether a slug is a published unit. Never another site.
 */
export function launchTarget(launch: Pick<Launch, "targetLinkUri" | "custom">, appOrigin: string, isUnit: (slug: string) => boolean): string {
  const unit = launch.custom.unit;
  if (unit && /^[a-z0-9-]{1,100}$/.test(unit) && isUnit(unit)) return `/lessons/${unit}`;
  let target: URL;
  try {
    target = new URL(launch.targetLinkUri);
  } catch {
    return "/course";
  }
  if (target.origin !== new URL(appOrigin).origin) return "/course";
  const match = /^\/lessons\/([a-z0-9-]{1,100})\/?$/.exec(target.pathname);
  return match && isUnit(match[1]) ? `/lessons/${match[1]}` : "/course";
}

// Assignment and Grade Services (IMS LTI AGS 2.0 §3.1): the launch's endpoint claim names the
// scopes the tool was granted and, for a link with a gradebook column, its line item URL.
export const AGS_ENDPOINT_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
export const AGS_SCOPE = {
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  lineItemReadOnly: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  result: "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
} as const;

export type AgsEndpoint = { scope: string[]; lineitem?: string; lineitems?: string };

/**
 * The AGS endpoint claim, or undefined when there is none or it is malformed (a launch is never
 * refused for it: the tool just sends no grades). URLs must be https (http only to this machine,
 * for tests: isPlatformUrl), at most 2,000 characters; a bad URL is dropped on its own.
 */
export function agsEndpoint(claim: unknown): AgsEndpoint | undefined {
  if (!isObject(claim) || !Array.isArray(claim.scope)) return undefined;
  const scope = [...new Set(claim.scope.filter((s): s is string => isText(s, 200)))].slice(0, 20);
  const url = (v: unknown) => (isText(v, 2000) && isPlatformUrl(v) ? v : undefined);
  const lineitem = url(claim.lineitem);
  const lineitems = url(claim.lineitems);
  if (!scope.length && !lineitem && !lineitems) return undefined;
  return { scope, ...(lineitem ? { lineitem } : {}), ...(lineitems ? { lineitems } : {}) };
}

const agsOf = (claim: unknown): { ags?: AgsEndpoint } => {
  const ags = agsEndpoint(claim);
  return ags ? { ags } : {};
};

// Names and Role Provisioning Services (IMS LTI NRPS 2.0 §3.6.1): the launch's claim names the
// course's membership container (roster sync: server/lti/roster.ts).
export const NRPS_CLAIM = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
export const NRPS_SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

export type NrpsService = { contextMembershipsUrl: string };

/**
 * The NRPS claim, or undefined when there is none or it is malformed (never a refusal: the
 * roster just cannot be synced): an https `context_memberships_url` (http only to this machine,
 * for tests) of at most 2,000 characters, and `service_versions` listing "2.0".
 */
export function nrpsService(claim: unknown): NrpsService | undefined {
  if (!isObject(claim) || !Array.isArray(claim.service_versions) || !claim.service_versions.includes("2.0")) return undefined;
  const url = claim.context_memberships_url;
  return isText(url, 2000) && isPlatformUrl(url) ? { contextMembershipsUrl: url } : undefined;
}

const nrpsOf = (claim: unknown): { nrps?: NrpsService } => {
  const nrps = nrpsService(claim);
  return nrps ? { nrps } : {};
};

/** A name from the platform as this app stores names: NFC, no invisible or control characters, at most `max` characters; `fallback` when nothing is left. */
export function cleanName(raw: string, fallback: string, max = NAME_MAX): string {
  const visible = withoutInvisible(raw.normalize("NFC").replace(/\s+/g, " ")).replace(/[\uD800-\uDFFF]/gu, "").trim();
  return Array.from(visible).slice(0, max).join("").trim() || fallback;
}

/**
 * What every message from the platform must meet, whatever it asks for: IMS Security Framework
 * §5.1.3 (iss, aud, azp, exp/iat, nonce) and LTI Core §5.1 (version, the expected message type,
 * a registered deployment, a user). Resource link launches and deep linking requests share it.
 */
function checkMessage(payload: Record<string, unknown>, expected: Expected, messageType: string): { ok: true; deploymentId: string; sub: string } | ClaimRefusal {
  if (payload.iss !== expected.issuer) return refuse(401, "The launch came from a platform other than the one it names (iss).");
  const aud = payload.aud;
  const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  if (!audiences.includes(expected.clientId)) return refuse(401, "The launch was meant for another tool (aud is not this tool's client id).");
  // With several audiences the authorised party must be named, and be this tool.
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== expected.clientId) {
    return refuse(401, "The launch was meant for another tool (azp is not this tool's client id).");
  }
  const { exp, iat } = payload;
  if (typeof exp !== "number" || typeof iat !== "number") return refuse(401, "The launch token has no expiry or issue time.");
  if (exp + CLOCK_SKEW_S <= expected.now) return refuse(401, "The launch token has expired. Open the link in your course again.");
  if (iat - CLOCK_SKEW_S > expected.now) return refuse(401, "The launch token was issued in the future: the platform's clock is wrong.");
  if (expected.now - iat > MAX_TOKEN_AGE_S + CLOCK_SKEW_S) return refuse(401, "The launch token is too old. Open the link in your course again.");
  if (!isText(payload.nonce, 200) || payload.nonce !== expected.nonce) return refuse(401, "The launch token does not answer this browser's sign-in (nonce).");

  if (payload[LTI_CLAIM.version] !== LTI_VERSION) return refuse(400, `Only LTI ${LTI_VERSION} launches are supported.`);
  const type = payload[LTI_CLAIM.messageType];
  if (type !== messageType) {
    return refuse(
      400,
      `This tool does not handle "${typeof type === "string" ? type.slice(0, 60) : "unknown"}" messages: only resource link launches (${RESOURCE_LINK_REQUEST}) and deep linking requests (${DEEP_LINKING_REQUEST}).`,
    );
  }
  const deploymentId = payload[LTI_CLAIM.deploymentId];
  if (!isText(deploymentId, 255) || !expected.deploymentIds.includes(deploymentId)) {
    return refuse(403, "This deployment of the tool is not registered here. Ask your school's admin to add its deployment id on the LTI admin page.");
  }
  if (!isText(payload.sub, 255)) return refuse(400, "The launch does not say who you are (no user id): anonymous launches are not supported.");
  return { ok: true, deploymentId, sub: payload.sub };
}

// ---- Deep linking (IMS LTI Deep Linking 2.0): an instructor adding the tool in the LMS picks
// units here, and the LMS gets them back as signed content items (server/lti/deep-link.ts).

export const DEEP_LINKING_REQUEST = "LtiDeepLinkingRequest";
export const DEEP_LINKING_RESPONSE = "LtiDeepLinkingResponse";
const DL_CLAIM_BASE = "https://purl.imsglobal.org/spec/lti-dl/claim/";
export const DL_CLAIM = {
  settings: `${DL_CLAIM_BASE}deep_linking_settings`,
  contentItems: `${DL_CLAIM_BASE}content_items`,
  data: `${DL_CLAIM_BASE}data`,
  msg: `${DL_CLAIM_BASE}msg`,
} as const;
/** The longest `data` the tool echoes back, in bytes as JSON holds it (Canvas sends a few hundred characters). */
export const DEEP_LINK_DATA_MAX = 4096;
/** The longest return URL, in bytes as JSON holds it. Both travel in the picker's address (deep-link.ts), which must stay well under a server's 16 KB of request headers. */
export const RETURN_URL_MAX = 2000;
/** A string's size in UTF-8 as JSON writes it (quotes and control characters escaped), without its quotes. */
const jsonBytes = (s: string) => new TextEncoder().encode(JSON.stringify(s)).length - 2;

/**
 * What the platform asked for: where to send the answer, whether several items may go back,
 * whether it can open them in a new window (accept_presentation_document_targets), what to echo.
 */
export type DeepLinkSettings = { returnUrl: string; acceptMultiple: boolean; newWindow: boolean; data?: string };
export type DeepLinkCheck = { ok: true; launch: Launch; settings: DeepLinkSettings } | ClaimRefusal;

/** True when the verified token asks for deep linking rather than a resource link launch. */
export function isDeepLinkingRequest(payload: Record<string, unknown>): boolean {
  return payload[LTI_CLAIM.messageType] === DEEP_LINKING_REQUEST;
}

/** An http(s) address without credentials: where a deep linking answer may be posted. */
export function isReturnUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
  } catch {
    return false;
  }
}

/**
 * The checks of LTI Deep Linking 2.0 §4.4 on a verified LtiDeepLinkingRequest, after the ones
 * every message meets: a course, an instructor or teaching assistant (learners may not add
 * content), and deep_linking_settings with an http(s) deep_link_return_url (at most RETURN_URL_MAX bytes), accept_types with
 * "ltiResourceLink", optional data (text of at most DEEP_LINK_DATA_MAX bytes, echoed back), accept_multiple (only `true` counts) and
 * accept_presentation_document_targets (with "window", the links ask for a window of their own).
 * No resource link: the request is for making one.
 */
export function checkDeepLinkingClaims(payload: Record<string, unknown>, expected: Expected): DeepLinkCheck {
  const message = checkMessage(payload, expected, DEEP_LINKING_REQUEST);
  if (!message.ok) return message;
  const roles = payload[LTI_CLAIM.roles];
  if (!Array.isArray(roles)) return refuse(400, "The launch has no roles claim.");
  if (roleFromLti(roles) !== "instructor") return refuse(403, "Only instructors and teaching assistants can add Behind the Headline's units to a course (deep linking).");
  const context = payload[LTI_CLAIM.context];
  if (!isObject(context) || !isText(context.id, 255)) return refuse(400, "Open the tool from inside a course: the launch names no course (context).");
  const settings = payload[DL_CLAIM.settings];
  if (!isObject(settings)) return refuse(400, "The deep linking request has no deep_linking_settings claim.");
  const returnUrl = settings.deep_link_return_url;
  if (!isText(returnUrl, RETURN_URL_MAX) || jsonBytes(returnUrl) > RETURN_URL_MAX || !isReturnUrl(returnUrl)) return refuse(400, "The deep linking request's return address (deep_link_return_url) is not an http or https address.");
  if (!Array.isArray(settings.accept_types) || !settings.accept_types.includes("ltiResourceLink")) {
    return refuse(400, "The learning platform does not accept LTI links here (accept_types has no ltiResourceLink).");
  }
  const data = settings.data;
  if (data !== undefined && (typeof data !== "string" || jsonBytes(data) > DEEP_LINK_DATA_MAX)) {
    return refuse(400, `The deep linking request's data is not text of at most ${DEEP_LINK_DATA_MAX} bytes.`);
  }
  const title = [context.title, context.label].find((t) => isText(t, 1000));
  const targetLinkUri = payload[LTI_CLAIM.targetLinkUri];
  return {
    ok: true,
    launch: {
      issuer: expected.issuer,
      sub: message.sub,
      deploymentId: message.deploymentId,
      role: "instructor",
      name: personName(payload),
      context: { id: context.id, title: typeof title === "string" ? title : "" },
      targetLinkUri: isText(targetLinkUri, 2000) ? targetLinkUri : "",
      custom: customParameters(payload[LTI_CLAIM.custom]),
    },
    settings: {
      returnUrl,
      acceptMultiple: settings.accept_multiple === true,
      newWindow: Array.isArray(settings.accept_presentation_document_targets) && settings.accept_presentation_document_targets.includes("window"),
      ...(data !== undefined ? { data } : {}),
    },
  };
}
