import { describe, expect, it } from "vitest";
import { isPlatformUrl, platformForm, toolUrls } from "./lti";

const valid = {
  name: "School Canvas",
  issuer: "https://canvas.instructure.com",
  clientId: "10000000000042",
  deploymentIds: "1:abc, 2:def\n1:abc",
  authUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect",
  tokenUrl: "https://sso.canvaslms.com/login/oauth2/token",
  jwksUrl: "https://sso.canvaslms.com/api/lti/security/jwks",
};

describe("platformForm", () => {
  it("reads a registration, deployment ids split on commas and lines, without repeats", () => {
    const r = platformForm.safeParse(valid);
    expect(r.success && r.data.deploymentIds).toEqual(["1:abc", "2:def"]);
  });
  it("refuses addresses that are not https (but http to this machine), and empty or garbled fields", () => {
    const problem = (field: string, value: string) => {
      const r = platformForm.safeParse({ ...valid, [field]: value });
      return r.success ? null : r.error.issues[0].message;
    };
    expect(problem("authUrl", "http://lms.example.org/auth")).toMatch(/https/);
    expect(problem("jwksUrl", "javascript:alert(1)")).toMatch(/https/);
    expect(problem("issuer", "https://user:pw@lms.example.org")).toMatch(/https/);
    expect(problem("tokenUrl", "")).toMatch(/token URL/);
    expect(problem("clientId", "has space")).toMatch(/client id/);
    expect(problem("deploymentIds", " , ")).toMatch(/deployment id/);
    expect(problem("name", "School\u202E")).toMatch(/letters/);
    expect(problem("name", "\ud800")).toMatch(/not valid text/);
  });
  it("allows http to localhost and 127.0.0.1 only (a platform on the same machine, for tests)", () => {
    expect(isPlatformUrl("http://127.0.0.1:3525/jwks")).toBe(true);
    expect(isPlatformUrl("http://localhost/jwks")).toBe(true);
    expect(isPlatformUrl("http://127.0.0.2/jwks")).toBe(false);
    expect(isPlatformUrl("https://lms.example.org/#frag")).toBe(false);
  });
});

describe("toolUrls", () => {
  it("gives the addresses to paste into an LMS, for the app's origin", () => {
    expect(toolUrls("https://bth.example.org/")).toEqual({
      login: "https://bth.example.org/api/lti/login",
      launch: "https://bth.example.org/api/lti/launch",
      jwks: "https://bth.example.org/api/lti/jwks",
      target: "https://bth.example.org/course",
    });
  });
});
