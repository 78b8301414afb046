import { describe, expect, it } from "vitest";

process.env.NEXTAUTH_SECRET = "login-test-secret-0123456789";
const { authRedirect, loginParams, makeState, nonceFor, readState, stateCookie, stateCookieName } = await import("./login");

describe("the OIDC login", () => {
  it("sends the browser to the platform with everything an id_token request needs", () => {
    const params = loginParams.parse({ iss: "https://lms.example.org", login_hint: "u1", target_link_uri: "https://bth.example.org/course", lti_message_hint: "m1" });
    const url = new URL(authRedirect("https://lms.example.org/auth?tenant=3", params, "tool-1", "https://bth.example.org/api/lti/launch", "S", "N"));
    expect(url.origin + url.pathname).toBe("https://lms.example.org/auth");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: "3",
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: "tool-1",
      redirect_uri: "https://bth.example.org/api/lti/launch",
      login_hint: "u1",
      lti_message_hint: "m1",
      state: "S",
      nonce: "N",
    });
  });
  it("refuses a login request without issuer, login hint or target", () => {
    for (const missing of ["iss", "login_hint", "target_link_uri"]) {
      const params: Record<string, unknown> = { iss: "https://lms.example.org", login_hint: "u1", target_link_uri: "https://bth.example.org/course" };
      delete params[missing];
      expect(loginParams.safeParse(params).success, missing).toBe(false);
    }
    expect(loginParams.safeParse({ iss: "x".repeat(501), login_hint: "u", target_link_uri: "t" }).success).toBe(false);
  });
  it("binds the state to the browser with a cookie a cross-site form post still carries", () => {
    const name = stateCookieName("abc");
    expect(name).toMatch(/^lti-state-[\w-]{32}$/);
    expect(stateCookieName("abd")).not.toBe(name);
    expect(stateCookie("abc", 600)).toBe(`${name}=1; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=None; Partitioned`);
    expect(stateCookie("abc", 0)).toBe(`${name}=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=None; Partitioned`);
  });

  it("signs the state: it names the platform until it expires, and any change or another secret voids it", () => {
    const state = makeState("platform-1", 2000);
    expect(readState(state, 1999)).toEqual({ platformId: "platform-1", expires: 2000 });
    expect(readState(state, 2000)).toBeNull();
    const [random, , expires, signature] = state.split(".");
    expect(readState(`${random}.platform-2.${expires}.${signature}`, 1000)).toBeNull();
    expect(readState(`${random}.platform-1.9999.${signature}`, 1000)).toBeNull();
    expect(readState(`${random}.platform-1.${expires}.${signature.slice(1)}`, 1000)).toBeNull();
    for (const garbage of ["", "a.b.c", "a.b.c.d.e", "....", `${state}.x`]) expect(readState(garbage, 1000), garbage).toBeNull();
    process.env.NEXTAUTH_SECRET = "another-secret-0123456789";
    expect(readState(state, 1000)).toBeNull();
    process.env.NEXTAUTH_SECRET = "login-test-secret-0123456789";
  });

  it("derives a different nonce for every state, and the same one again for the same state", () => {
    const a = makeState("p", 2000);
    const b = makeState("p", 2000);
    expect(a).not.toBe(b);
    expect(nonceFor(a)).toBe(nonceFor(a));
    expect(nonceFor(a)).not.toBe(nonceFor(b));
    expect(nonceFor(a)).toMatch(/^[\w-]{43}$/);
  });
});
