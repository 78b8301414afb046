// A small LTI 1.3 platform (an LMS, as far as the tool can tell) for the browser tests, on
// 127.0.0.1 — another site than the app on localhost, so every launch is a real cross-site
// flow. It has its own RSA key (jose), publishes it at /jwks, answers the tool's OIDC
// authorisation request at /auth by posting a signed id_token back (form_post), and starts a
// launch at /start (a form POST to the tool's login URL, as Canvas does).
//   const platform = await startPlatform(port); … platform.idToken({ … }); … await platform.stop();
import http from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

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
};

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
  /** Key rollover: a new signing key (new key id), published next to the old one. */
  rotateKey(): Promise<void>;
  /** How many times the tool fetched the platform's keys. */
  jwksFetches(): number;
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
  const readBody = (req: http.IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
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
    rotateKey: () => newKey(`test-platform-key-${published.length + 1}`),
    jwksFetches: () => fetches,
    registration: {
      configUrl: (kind = "valid") => `${issuer}/${kind === "valid" ? ".well-known" : kind}/openid-configuration`,
      token: registrationToken,
      requests: () => registrations,
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
