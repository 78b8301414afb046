// A small LTI 1.3 platform (an LMS, as far as the tool can tell) for the browser tests, on
// 127.0.0.1 — another site than the app on localhost, so every launch is a real cross-site
// flow. It has its own RSA key (jose), publishes it at /jwks, answers the tool's OIDC
// authorisation request at /auth by posting a signed id_token back (form_post), and starts a
// launch at /start (a form POST to the tool's login URL, as Canvas does), and shows a page in
// its iframe at /frame (as Canvas and Moodle show the deep linking picker). For deep linking it
// sends an LtiDeepLinkingRequest whose return URL is its /deep-link-return, which verifies the
// tool's answer against the tool's published keys and keeps what it received. Grades (AGS): every
// launch names a line item of its resource link; /token gives access tokens to a tool whose
// client assertion verifies against its JWKS (trustTool), and the line items' /scores records
// what it receives (or answers slowly, or with an error: scoreAnswer). Roster (NRPS): every
// launch names its course's membership list, /memberships/<course> answers it two members a page
// (Link rel="next") to a token granted the NRPS scope; the test sets the members (setMembers).
//   const platform = await startPlatform(port); … platform.idToken({ … }); … await platform.stop();
import http from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, jwtVerify, SignJWT, type CryptoKey, type JWK, type JWTPayload } from "jose";

const CLAIM = "https://purl.imsglobal.org/spec/lti/claim/";
const MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership";
export const ROLES = { learner: [`${MEMBERSHIP}#Learner`], instructor: [`${MEMBERSHIP}#Instructor`], ta: [`${MEMBERSHIP}/Instructor#TeachingAssistant`] } as const;

/** Who launches, from which course, to where (what the LMS knows about a launch). */
export type LaunchSpec = {
  sub: string;
  name?: string;
  roles: readonly string[];
  contextId: string;
  contextTitle?: string;
  targetLinkUri: string;
  custom?: Record<string, string>;
  deploymentId?: string;
  /** A deep linking request (an instructor adding the tool) instead of a resource link launch. */
  deepLink?: { acceptMultiple?: boolean; data?: string; presentationTargets?: string[] };
};

/** What the platform's deep linking return URL received: the verified answer, or why it refused it. */
export type DeepLinkReturn = { ok: true; kid: string | undefined; payload: JWTPayload } | { ok: false; error: string };

export type TokenOptions = {
  nonce: string;
  aud?: string | string[];
  /** Extra or replaced claims (undefined removes one). */
  claims?: Record<string, unknown>;
  /** Sign with another key (a forger's), under this platform's key id. */
  signWith?: CryptoKey;
  /** Seconds from now. */
  iat?: number;
  exp?: number;
};

const AGS = "https://purl.imsglobal.org/spec/lti-ags/";
export const AGS_SCORE_SCOPE = `${AGS}scope/score`;
export const SCORE_TYPE = "application/vnd.ims.lis.v1.score+json";

const NRPS = "https://purl.imsglobal.org/spec/lti-nrps/";
export const NRPS_SCOPE = `${NRPS}scope/contextmembership.readonly`;
export const MEMBERSHIP_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
/** A member of a course as the platform lists it (NRPS 2.0). */
export type CourseMember = { user_id: string; roles: readonly string[]; status?: "Active" | "Inactive" | "Deleted"; name?: string; given_name?: string; family_name?: string; email?: string };

/** A score as the platform received it: the line item (resource link id, course) and the body. */
export type ReceivedScore = { link: string; course: string; at: number; body: { userId: string; scoreGiven: number; scoreMaximum: number; activityProgress: string; gradingProgress: string; timestamp: string } };

export type Platform = {
  issuer: string;
  clientId: string;
  deploymentId: string;
  urls: { auth: string; token: string; jwks: string };
  /** The id_token the platform would send for `launch`. */
  idToken(launch: LaunchSpec, options: TokenOptions): Promise<string>;
  /** A page on the platform that starts `launch` (third-party-initiated login, form POST). */
  startUrl(launch: LaunchSpec, toolLoginUrl: string): string;
  /** A page on the platform (or at `host` instead of 127.0.0.1, another origin) that shows `src` in an iframe named "tool", as Canvas and Moodle show a deep linking picker. */
  frameUrl(src: string, host?: string): string;
  /** Key rollover: a new signing key (new key id), published next to the old one. */
  rotateKey(): Promise<void>;
  /** What the deep linking return URL received, oldest first. */
  deepLinkReturns(): DeepLinkReturn[];
  /** How many times the tool fetched the platform's keys. */
  jwksFetches(): number;
  /** The line item URL of a resource link (what launches name in the AGS endpoint claim). */
  lineItemUrl(linkId: string, contextId: string): string;
  /** Trust the tool's keys published at this URL (its JWKS): for deep linking answers and access token requests. */
  trustTool(jwksUrl: string): void;
  /** How the scores endpoint answers from now on: after `delayMs`, with `status` (200 records the score). */
  scoreAnswer(answer: { status?: number; delayMs?: number; body?: string }): void;
  /** Scores received (answered 200), oldest first. */
  scores(): ReceivedScore[];
  /** Access tokens issued. */
  tokensIssued(): number;
  /** The members the course's membership list gives from now on. */
  setMembers(contextId: string, members: CourseMember[]): void;
  /** Whether the token endpoint grants the NRPS scope (true by default). */
  grantRoster(granted: boolean): void;
  /** Pages of membership lists answered (200). */
  membershipPages(): number;
  /** LTI Dynamic Registration: where the platform's OpenID configuration is, and what the tool posted. */
  registration: {
    /** valid: this platform; other-issuer: its issuer on another host (localhost); failing: its registration endpoint refuses. */
    configUrl(kind?: "valid" | "other-issuer" | "failing"): string;
    /** The registration_token the registration endpoint expects as its bearer token. */
    token: string;
    /** The registrations the tool posted (each with its Authorization header). */
    requests(): { authorization: string | undefined; body: Record<string, unknown> }[];
  };
  stop(): Promise<void>;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const autoPost = (action: string, fields: Record<string, string>) =>
  `<!doctype html><html lang="en"><head><title>Test LMS</title></head><body><form method="post" action="${escapeHtml(action)}">${Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("")}<button>Continue</button></form><script>document.forms[0].submit()</script></body></html>`;

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startPlatform(port: number, clientId = "bth-e2e-tool"): Promise<Platform> {
  let privateKey!: CryptoKey;
  let kid = "";
  const published: JWK[] = [];
  async function newKey(id: string) {
    const pair = await generateKeyPair("RS256", { extractable: true });
    privateKey = pair.privateKey;
    kid = id;
    published.unshift({ ...(await exportJWK(pair.publicKey)), kid, alg: "RS256", use: "sig" });
  }
  await newKey("test-platform-key-1");
  let issuer = `http://127.0.0.1:${port}`; // its real port once listening (port 0: any free one)
  const deploymentId = "e2e-deployment-1";
  const launches = new Map<string, LaunchSpec>();
  let fetches = 0;
  let toolKeys: ReturnType<typeof createRemoteJWKSet> | null = null;
  const returns: DeepLinkReturn[] = [];
  const returnUrl = `${issuer}/deep-link-return`;
  const accessTokens = new Set<string>();
  const usedJti = new Set<string>();
  const received: ReceivedScore[] = [];
  let answer: { status?: number; delayMs?: number; body?: string } = {};
  const tokenScopes = new Map<string, string[]>();
  const courseMembers = new Map<string, CourseMember[]>();
  let rosterGranted = true;
  let pagesAnswered = 0;
  const lineItemUrl = (linkId: string, contextId: string) => `${issuer}/lineitems/${encodeURIComponent(linkId)}/lineitem?course=${encodeURIComponent(contextId)}`;
  const registrationToken = `registration-token-${Date.now()}`;
  const registrations: { authorization: string | undefined; body: Record<string, unknown> }[] = [];
  /** The platform's OpenID configuration (LTI Dynamic Registration), as Moodle publishes it. */
  const openidConfiguration = (kind: string) => ({
    issuer: kind === "other-issuer" ? issuer.replace("127.0.0.1", "localhost") : issuer,
    authorization_endpoint: `${issuer}/auth`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    registration_endpoint: `${issuer}/${kind === "failing" ? "register-fails" : "register"}`,
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: ["RS256"],
    scopes_supported: ["openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score", "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"],
    response_types_supported: ["id_token"],
    subject_types_supported: ["public", "pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    claims_supported: ["sub", "iss", "name", "given_name", "family_name", "email"],
    "https://purl.imsglobal.org/spec/lti-platform-configuration": {
      product_family_code: "test-lms",
      version: "1.0",
      messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }],
      variables: ["CourseSection.timeFrame.end", "Person.name.full"],
    },
  });

  async function idToken(launch: LaunchSpec, options: TokenOptions): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      nonce: options.nonce,
      name: launch.name ?? "",
      [`${CLAIM}message_type`]: "LtiResourceLinkRequest",
      [`${CLAIM}version`]: "1.3.0",
      [`${CLAIM}deployment_id`]: launch.deploymentId ?? deploymentId,
      [`${CLAIM}target_link_uri`]: launch.targetLinkUri,
      [`${CLAIM}resource_link`]: { id: `link-${launch.contextId}` },
      [`${CLAIM}roles`]: launch.roles,
      [`${CLAIM}context`]: { id: launch.contextId, title: launch.contextTitle ?? "Media literacy 101", type: [`http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering`] },
      [`${CLAIM}custom`]: launch.custom ?? {},
      [`${AGS}claim/endpoint`]: { scope: [AGS_SCORE_SCOPE, `${AGS}scope/lineitem.readonly`], lineitem: lineItemUrl(`link-${launch.contextId}`, launch.contextId), lineitems: `${issuer}/lineitems` },
      [`${NRPS}claim/namesroleservice`]: { context_memberships_url: `${issuer}/memberships/${encodeURIComponent(launch.contextId)}`, service_versions: ["2.0"] },
      ...(launch.deepLink
        ? {
            [`${CLAIM}message_type`]: "LtiDeepLinkingRequest",
            [`${CLAIM}resource_link`]: undefined,
            "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings": {
              deep_link_return_url: returnUrl,
              accept_types: ["link", "ltiResourceLink"],
              accept_presentation_document_targets: launch.deepLink.presentationTargets ?? ["window"],
              accept_multiple: launch.deepLink.acceptMultiple ?? true,
              ...(launch.deepLink.data !== undefined ? { data: launch.deepLink.data } : {}),
            },
          }
        : {}),
      ...options.claims,
    };
    for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(options.aud ?? clientId)
      .setSubject(launch.sub)
      .setIssuedAt(now + (options.iat ?? 0))
      .setExpirationTime(now + (options.exp ?? 300))
      .sign(options.signWith ?? privateKey);
  }

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    try {
      if (url.pathname === "/jwks") {
        fetches++;
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ keys: published }));
      } else if (url.pathname === "/start") {
        const hint = url.searchParams.get("login_hint") ?? "";
        res.writeHead(200, { "Content-Type": "text/html" }).end(
          autoPost(url.searchParams.get("tool") ?? "", {
            iss: issuer,
            login_hint: hint,
            target_link_uri: launches.get(hint)?.targetLinkUri ?? "",
            lti_message_hint: `message-${hint}`,
            client_id: clientId,
            lti_deployment_id: launches.get(hint)?.deploymentId ?? deploymentId,
          }),
        );
      } else if (url.pathname === "/frame") {
        res.writeHead(200, { "Content-Type": "text/html" }).end(
          `<!doctype html><html lang="en"><head><title>Test LMS: select content</title></head><body><h1>Test LMS: select content</h1><iframe name="tool" title="Behind the Headline" width="900" height="700" src="${escapeHtml(url.searchParams.get("src") ?? "about:blank")}"></iframe></body></html>`,
        );
      } else if (url.pathname === "/auth") {
        // The OIDC authorisation endpoint: checks what the tool asked for, as a platform must.
        const q = Object.fromEntries(url.searchParams);
        const launch = launches.get(q.login_hint ?? "");
        const problems = [
          q.response_type !== "id_token" && "response_type",
          q.response_mode !== "form_post" && "response_mode",
          q.scope !== "openid" && "scope",
          q.client_id !== clientId && "client_id",
          !q.redirect_uri && "redirect_uri",
          !q.state && "state",
          !q.nonce && "nonce",
          !launch && "login_hint",
          q.lti_message_hint !== `message-${q.login_hint}` && "lti_message_hint",
        ].filter(Boolean);
        if (problems.length || !launch) {
          res.writeHead(400, { "Content-Type": "text/plain" }).end(`Test LMS refused the authorisation request: ${problems.join(", ")}`);
          return;
        }
        res.writeHead(200, { "Content-Type": "text/html" }).end(autoPost(q.redirect_uri, { id_token: await idToken(launch, { nonce: q.nonce }), state: q.state }));
      } else if (url.pathname === "/deep-link-return" && req.method === "POST") {
        // As an LMS does: the tool's JWT, verified against the tool's keys (iss = the client id, aud = this platform).
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const jwt = new URLSearchParams(Buffer.concat(chunks).toString("utf8")).get("JWT") ?? "";
        try {
          if (!toolKeys) throw new Error("the tool's keys are not known (trustTool)");
          const { payload } = await jwtVerify(jwt, toolKeys, { issuer: clientId, audience: issuer, algorithms: ["RS256"] });
          returns.push({ ok: true, kid: decodeProtectedHeader(jwt).kid, payload });
          const items = (payload["https://purl.imsglobal.org/spec/lti-dl/claim/content_items"] ?? []) as { title?: string }[];
          res.writeHead(200, { "Content-Type": "text/html" }).end(
            `<!doctype html><html lang="en"><head><title>Test LMS</title></head><body><h1>Test LMS received ${items.length} items</h1><ul>${items.map((i) => `<li>${escapeHtml(String(i.title))}</li>`).join("")}</ul></body></html>`,
          );
        } catch (error) {
          returns.push({ ok: false, error: String(error) });
          res.writeHead(400, { "Content-Type": "text/plain" }).end(`Test LMS refused the deep linking answer: ${String(error)}`);
        }
      } else if (url.pathname === "/token" && req.method === "POST") {
        // OAuth 2 client credentials with a JWT client assertion (RFC 7523), as LTI asks.
        const form = new URLSearchParams(await readBody(req));
        const refuse = (error: string, description: string) => res.writeHead(error === "invalid_client" ? 401 : 400, { "Content-Type": "application/json" }).end(JSON.stringify({ error, error_description: description }));
        if (form.get("grant_type") !== "client_credentials") return refuse("unsupported_grant_type", "grant_type");
        if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer") return refuse("invalid_request", "client_assertion_type");
        const asked = (form.get("scope") ?? "").split(" ");
        const granted = asked.filter((s) => s === AGS_SCORE_SCOPE || (s === NRPS_SCOPE && rosterGranted));
        if (!granted.length) return refuse("invalid_scope", "scope");
        if (!toolKeys) return refuse("invalid_client", "no tool registered");
        try {
          const { payload } = await jwtVerify(form.get("client_assertion") ?? "", toolKeys, { issuer: clientId, subject: clientId, audience: `${issuer}/token`, algorithms: ["RS256"] });
          if (typeof payload.jti !== "string" || usedJti.has(payload.jti)) return refuse("invalid_client", "jti used before");
          usedJti.add(payload.jti);
        } catch (error) {
          return refuse("invalid_client", `client assertion: ${String(error)}`);
        }
        const token = randomUUID();
        accessTokens.add(token);
        tokenScopes.set(token, granted);
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: 3600, scope: granted.join(" ") }));
      } else if (/^\/memberships\/[^/]+$/.test(url.pathname) && req.method === "GET") {
        // NRPS: the course's members, two a page, to a token granted the NRPS scope.
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        if (!token || !accessTokens.has(token)) return void res.writeHead(401).end("access token");
        if (!tokenScopes.get(token)?.includes(NRPS_SCOPE)) return void res.writeHead(403).end("scope");
        if (req.headers.accept !== MEMBERSHIP_TYPE) return void res.writeHead(406).end("accept");
        const course = decodeURIComponent(url.pathname.split("/")[2]);
        const all = courseMembers.get(course) ?? [];
        const page = Number(url.searchParams.get("page") ?? "0");
        const more = (page + 1) * 2 < all.length;
        pagesAnswered++;
        res
          .writeHead(200, { "Content-Type": MEMBERSHIP_TYPE, ...(more ? { Link: `<${url.pathname}?page=${page + 1}>; rel="next"` } : {}) })
          .end(JSON.stringify({ id: `${issuer}${url.pathname}`, context: { id: course }, members: all.slice(page * 2, page * 2 + 2) }));
      } else if (/^\/lineitems\/[^/]+\/lineitem\/scores$/.test(url.pathname) && req.method === "POST") {
        const body = await readBody(req);
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        if (!token || !accessTokens.has(token)) return void res.writeHead(401).end("access token");
        if (req.headers["content-type"] !== SCORE_TYPE) return void res.writeHead(415).end("content type");
        const { status = 200, delayMs = 0, body: text = "" } = answer;
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        if (status >= 200 && status < 300) {
          received.push({ link: decodeURIComponent(url.pathname.split("/")[2]), course: url.searchParams.get("course") ?? "", at: Date.now(), body: JSON.parse(body) as ReceivedScore["body"] });
        }
        res.writeHead(status, { "Content-Type": "text/plain" }).end(text);
      } else if (url.pathname.endsWith("/openid-configuration")) {
        const kind = url.pathname.split("/")[1];
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(openidConfiguration(kind === ".well-known" ? "valid" : kind)));
      } else if (url.pathname === "/register" && req.method === "POST") {
        // The registration endpoint: only with the registration token, answers with the client id and deployment id.
        const authorization = req.headers.authorization;
        if (authorization !== `Bearer ${registrationToken}`) {
          res.writeHead(401, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "invalid_token" }));
          return;
        }
        const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
        registrations.push({ authorization, body });
        const tool = (body["https://purl.imsglobal.org/spec/lti-tool-configuration"] ?? {}) as Record<string, unknown>;
        res
          .writeHead(200, { "Content-Type": "application/json" })
          .end(JSON.stringify({ ...body, client_id: clientId, registration_client_uri: `${issuer}/register/${clientId}`, "https://purl.imsglobal.org/spec/lti-tool-configuration": { ...tool, deployment_id: deploymentId } }));
      } else if (url.pathname === "/register-fails") {
        res.writeHead(400, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "invalid_client_metadata", error_description: "Test LMS refuses every registration here." }));
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;
  issuer = `http://127.0.0.1:${actualPort}`;

  return {
    issuer,
    clientId,
    deploymentId,
    urls: { auth: `http://127.0.0.1:${actualPort}/auth`, token: `http://127.0.0.1:${actualPort}/token`, jwks: `http://127.0.0.1:${actualPort}/jwks` },
    idToken,
    startUrl(launch, toolLoginUrl) {
      launches.set(launch.sub, launch);
      return `${issuer}/start?${new URLSearchParams({ login_hint: launch.sub, tool: toolLoginUrl })}`;
    },
    frameUrl: (src, host = "127.0.0.1") => `http://${host}:${actualPort}/frame?${new URLSearchParams({ src })}`,
    rotateKey: () => newKey(`test-platform-key-${published.length + 1}`),
    deepLinkReturns: () => [...returns],
    jwksFetches: () => fetches,
    lineItemUrl,
    trustTool(jwksUrl) {
      toolKeys = createRemoteJWKSet(new URL(jwksUrl));
    },
    scoreAnswer(a) {
      answer = a;
    },
    scores: () => [...received],
    tokensIssued: () => accessTokens.size,
    setMembers(contextId, members) {
      courseMembers.set(contextId, members);
    },
    grantRoster(granted) {
      rosterGranted = granted;
    },
    membershipPages: () => pagesAnswered,
    registration: {
      configUrl: (kind = "valid") => `${issuer}/${kind === "valid" ? ".well-known" : kind}/openid-configuration`,
      token: registrationToken,
      requests: () => registrations,
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
