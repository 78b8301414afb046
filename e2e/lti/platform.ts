// A small LTI 1.3 platform (an LMS, as far as the tool can tell) for the browser tests, on
// 127.0.0.1 — another site than the app on localhost, so every launch is a real cross-site
// flow. It has its own RSA key (jose), publishes it at /jwks, answers the tool's OIDC
// authorisation request at /auth by posting a signed id_token back (form_post), and starts a
// launch at /start (a form POST to the tool's login URL, as Canvas does), and shows a page in
// its iframe at /frame (as Canvas and Moodle show the deep linking picker). For deep linking it
// sends an LtiDeepLinkingRequest whose return URL is its /deep-link-return, which verifies the
// tool's answer against the tool's published keys and keeps what it received.
//   const platform = await startPlatform(port); … platform.idToken({ … }); … await platform.stop();
import http from "node:http";
import type { AddressInfo } from "node:net";
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
  /** Trust the tool's keys published at this URL (its JWKS) for deep linking answers. */
  trustTool(jwksUrl: string): void;
  /** What the deep linking return URL received, oldest first. */
  deepLinkReturns(): DeepLinkReturn[];
  /** How many times the tool fetched the platform's keys. */
  jwksFetches(): number;
  stop(): Promise<void>;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const autoPost = (action: string, fields: Record<string, string>) =>
  `<!doctype html><html lang="en"><head><title>Test LMS</title></head><body><form method="post" action="${escapeHtml(action)}">${Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("")}<button>Continue</button></form><script>document.forms[0].submit()</script></body></html>`;

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
  const issuer = `http://127.0.0.1:${port}`;
  const deploymentId = "e2e-deployment-1";
  const launches = new Map<string, LaunchSpec>();
  let fetches = 0;
  let toolKeys: ReturnType<typeof createRemoteJWKSet> | null = null;
  const returns: DeepLinkReturn[] = [];
  const returnUrl = `${issuer}/deep-link-return`;

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
      } else {
        res.writeHead(404).end();
      }
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actualPort = (server.address() as AddressInfo).port;

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
    trustTool(jwksUrl) {
      toolKeys = createRemoteJWKSet(new URL(jwksUrl));
    },
    deepLinkReturns: () => [...returns],
    jwksFetches: () => fetches,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
