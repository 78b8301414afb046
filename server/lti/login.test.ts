import { describe, expect, it } from "vitest";
import { authRedirect, loginParams, stateCookie } from "./login";

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
    expect(stateCookie("abc", 600)).toBe("lti-state-abc=1; Path=/; Max-Age=600; HttpOnly; Secure; SameSite=None; Partitioned");
    expect(stateCookie("abc", 0)).toMatch(/^lti-state-abc=; Path=\/; Max-Age=0;/);
  });
});
