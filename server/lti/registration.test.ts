import { describe, expect, it } from "vitest";
import { isAllowedUrl, oauthError, PLATFORM_CONFIGURATION, readConfiguration, readRegistrationAnswer, registrationParams, registrationRequest, TOOL_CONFIGURATION } from "./registration";

const APP = "https://bth.example.org";
const CONFIG_URL = "https://lms.school.example/mod/lti/openid-configuration.php";
const config = (over: Record<string, unknown> = {}) => ({
  issuer: "https://lms.school.example",
  authorization_endpoint: "https://lms.school.example/mod/lti/auth.php",
  token_endpoint: "https://lms.school.example/mod/lti/token.php",
  jwks_uri: "https://lms.school.example/mod/lti/certs.php",
  registration_endpoint: "https://lms.school.example/mod/lti/openid-registration.php",
  token_endpoint_auth_methods_supported: ["private_key_jwt"],
  id_token_signing_alg_values_supported: ["RS256"],
  [PLATFORM_CONFIGURATION]: { product_family_code: "moodle", version: "4.3", messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }], variables: ["CourseSection.timeFrame.end"] },
  ...over,
});

describe("the registration link's parameters", () => {
  it("need the configuration address; the token is optional", () => {
    expect(registrationParams.safeParse({ openid_configuration: CONFIG_URL }).success).toBe(true);
    expect(registrationParams.safeParse({ openid_configuration: CONFIG_URL, registration_token: "t" }).success).toBe(true);
    expect(registrationParams.safeParse({}).success).toBe(false);
    expect(registrationParams.safeParse({ openid_configuration: "" }).success).toBe(false);
    expect(registrationParams.safeParse({ openid_configuration: "x".repeat(2001) }).success).toBe(false);
    expect(registrationParams.safeParse({ openid_configuration: CONFIG_URL, registration_token: "t".repeat(4001) }).success).toBe(false);
  });
});

describe("which addresses the tool fetches", () => {
  it("https only; http only to this machine when the app itself runs here", () => {
    expect(isAllowedUrl("https://lms.example.org/x", APP)).toBe(true);
    expect(isAllowedUrl("http://lms.example.org/x", APP)).toBe(false);
    expect(isAllowedUrl("http://127.0.0.1:3904/x", APP)).toBe(false);
    expect(isAllowedUrl("http://127.0.0.1:3904/x", "http://localhost:3900")).toBe(true);
    expect(isAllowedUrl("http://localhost:1/x", "http://127.0.0.1:3000")).toBe(true);
    expect(isAllowedUrl("http://10.0.0.1/x", "http://localhost:3900")).toBe(false);
    for (const bad of ["https://user:pw@lms.example.org/", "https://lms.example.org/#x", "file:///etc/passwd", "javascript:alert(1)", "ftp://lms.example.org/", "not a url", "", 42, null, `https://a.example/${"x".repeat(2000)}`]) {
      expect(isAllowedUrl(bad, "http://localhost:3900"), String(bad).slice(0, 40)).toBe(false);
    }
  });
});

describe("the platform's OpenID configuration", () => {
  it("is read into what the tool stores", () => {
    expect(readConfiguration(config(), CONFIG_URL, APP)).toEqual({
      ok: true,
      value: {
        issuer: "https://lms.school.example",
        authUrl: "https://lms.school.example/mod/lti/auth.php",
        tokenUrl: "https://lms.school.example/mod/lti/token.php",
        jwksUrl: "https://lms.school.example/mod/lti/certs.php",
        registrationUrl: "https://lms.school.example/mod/lti/openid-registration.php",
        productFamily: "moodle",
        version: "4.3",
        name: "moodle at lms.school.example",
        messages: ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"],
      },
    });
  });
  it("is refused when the issuer is on another site than the configuration", () => {
    const other = readConfiguration(config({ issuer: "https://evil.example.org" }), CONFIG_URL, APP);
    expect(other).toMatchObject({ ok: false, error: expect.stringMatching(/issuer .* another site/) });
    expect(readConfiguration(config(), "https://lms.school.example:8443/config", APP).ok).toBe(false);
    expect(readConfiguration(config(), "https://sub.lms.school.example/config", APP).ok).toBe(false);
  });
  it("is refused without any address the tool needs, or with one that is not https", () => {
    for (const field of ["issuer", "authorization_endpoint", "token_endpoint", "jwks_uri", "registration_endpoint"]) {
      expect(readConfiguration(config({ [field]: undefined }), CONFIG_URL, APP), field).toMatchObject({ ok: false, error: expect.stringContaining(field) });
      expect(readConfiguration(config({ [field]: "http://lms.school.example/x" }), CONFIG_URL, APP), field).toMatchObject({ ok: false, error: expect.stringContaining(field) });
      expect(readConfiguration(config({ [field]: ["https://lms.school.example/x"] }), CONFIG_URL, APP).ok, field).toBe(false);
    }
  });
  it("is refused without the LTI platform configuration, or with what the tool cannot use", () => {
    expect(readConfiguration(config({ [PLATFORM_CONFIGURATION]: undefined }), CONFIG_URL, APP).ok).toBe(false);
    expect(readConfiguration(config({ [PLATFORM_CONFIGURATION]: { messages_supported: [] } }), CONFIG_URL, APP)).toMatchObject({ ok: false, error: expect.stringContaining("product_family_code") });
    expect(readConfiguration(config({ [PLATFORM_CONFIGURATION]: { product_family_code: "x\u0000y" } }), CONFIG_URL, APP).ok).toBe(false);
    expect(readConfiguration(config({ [PLATFORM_CONFIGURATION]: { product_family_code: "x", messages_supported: [{ type: "LtiDeepLinkingRequest" }] } }), CONFIG_URL, APP).ok).toBe(false);
    expect(readConfiguration(config({ token_endpoint_auth_methods_supported: ["client_secret_basic"] }), CONFIG_URL, APP).ok).toBe(false);
    expect(readConfiguration(config({ id_token_signing_alg_values_supported: ["HS256"] }), CONFIG_URL, APP).ok).toBe(false);
    for (const junk of [null, [], "x", 1, true]) expect(readConfiguration(junk, CONFIG_URL, APP).ok).toBe(false);
  });
});

describe("the tool's registration request", () => {
  it("names the tool's addresses, keys, scopes and messages", () => {
    const request = registrationRequest("https://bth.example.org/");
    expect(request).toMatchObject({
      application_type: "web",
      response_types: ["id_token"],
      grant_types: ["implicit", "client_credentials"],
      initiate_login_uri: "https://bth.example.org/api/lti/login",
      redirect_uris: ["https://bth.example.org/api/lti/launch"],
      client_name: "Behind the Headline",
      jwks_uri: "https://bth.example.org/api/lti/jwks",
      token_endpoint_auth_method: "private_key_jwt",
    });
    expect(request.scope.split(" ").sort()).toEqual([
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
    ]);
    const tool = request[TOOL_CONFIGURATION];
    expect(tool).toMatchObject({ domain: "bth.example.org", target_link_uri: "https://bth.example.org/course" });
    expect(tool.messages).toEqual([
      expect.objectContaining({ type: "LtiResourceLinkRequest", target_link_uri: "https://bth.example.org/course" }),
      expect.objectContaining({ type: "LtiDeepLinkingRequest", target_link_uri: "https://bth.example.org/api/lti/launch" }),
    ]);
    expect(tool.claims).toContain("sub");
  });
});

describe("the platform's answer", () => {
  it("gives the client id and the deployment id", () => {
    expect(readRegistrationAnswer({ client_id: "abc", [TOOL_CONFIGURATION]: { deployment_id: "7" } })).toEqual({ ok: true, value: { clientId: "abc", deploymentId: "7" } });
    expect(readRegistrationAnswer({ client_id: "abc", [TOOL_CONFIGURATION]: { deployment_id: 7 } })).toEqual({ ok: true, value: { clientId: "abc", deploymentId: "7" } });
  });
  it("is refused without a usable client id or deployment id", () => {
    expect(readRegistrationAnswer({ [TOOL_CONFIGURATION]: { deployment_id: "7" } }).ok).toBe(false);
    expect(readRegistrationAnswer({ client_id: "a b", [TOOL_CONFIGURATION]: { deployment_id: "7" } }).ok).toBe(false);
    expect(readRegistrationAnswer({ client_id: 5, [TOOL_CONFIGURATION]: { deployment_id: "7" } }).ok).toBe(false);
    expect(readRegistrationAnswer({ client_id: "abc" })).toMatchObject({ ok: false, error: expect.stringContaining("client id abc") });
    expect(readRegistrationAnswer({ client_id: "abc", [TOOL_CONFIGURATION]: { deployment_id: "x".repeat(256) } }).ok).toBe(false);
    for (const junk of [null, [], "x", 1]) expect(readRegistrationAnswer(junk).ok).toBe(false);
  });
});

describe("a platform's error answer", () => {
  it("gives its OAuth error and description, never the rest of the body", () => {
    expect(oauthError(JSON.stringify({ error: "invalid_client_metadata", error_description: "No." }))).toBe("invalid_client_metadata: No.");
    expect(oauthError(JSON.stringify({ error: "invalid_token" }))).toBe("invalid_token");
    expect(oauthError("<html>internal page</html>")).toBeNull();
    expect(oauthError(JSON.stringify({ secret: "x" }))).toBeNull();
    expect(oauthError(JSON.stringify({ error: "x".repeat(301) }))).toBeNull();
    expect(oauthError(JSON.stringify({ error: "a\u0000b" }))).toBeNull();
  });
});
