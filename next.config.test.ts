// The header block of next.config.ts, read as Next.js reads it (the browser tests check the
// headers on real responses; HSTS needs https, which they do not have).
import { describe, expect, it } from "vitest";
import config, { contentSecurityPolicy, OWN_CSP_PATHS } from "./next.config";

describe("security headers", async () => {
  const rules = (await config.headers?.()) ?? [];
  const find = (key: string) => rules.filter((r) => r.headers.some((h) => h.key === key));

  it("sends HSTS only on requests that came over https", () => {
    const hsts = find("Strict-Transport-Security");
    expect(hsts).toHaveLength(1);
    expect(hsts[0].has).toEqual([{ type: "header", key: "x-forwarded-proto", value: "https" }]);
    expect(hsts[0].headers[0].value).toMatch(/max-age=\d{8,}/);
  });

  it("keeps lesson pages out of shared caches", () => {
    const cache = find("Cache-Control");
    expect(cache.map((r) => r.source)).toEqual(["/lessons/:path*"]);
    expect(cache[0].headers[0].value).toMatch(/^private/);
  });

  it("lets only the LTI registration page be framed (its Register button never is) and keep its opener", () => {
    const csp = find("Content-Security-Policy");
    expect(csp.map((r) => r.source)).toEqual([expect.stringMatching(/^\/:path\(/), "/api/lti/register"]);
    expect(csp[0].headers.find((h) => h.key === "Content-Security-Policy")?.value).toContain("frame-ancestors 'none'");
    const register = Object.fromEntries(csp[1].headers.map((h) => [h.key, h.value]));
    expect(register["Content-Security-Policy"]).toContain("frame-ancestors *");
    expect(register["Content-Security-Policy"].replace("frame-ancestors *", "")).toBe(csp[0].headers.find((h) => h.key === "Content-Security-Policy")?.value.replace("frame-ancestors 'none'", ""));
    expect(register["Cross-Origin-Opener-Policy"]).toBe("unsafe-none");
  });

  it("sends the rest on every response", () => {
    const all = rules.find((r) => r.source === "/:path*" && !r.has);
    expect(all?.headers.map((h) => h.key).sort()).toEqual(["Cross-Origin-Opener-Policy", "Permissions-Policy", "X-Content-Type-Options"].sort());
  });

  it("sends the CSP (frame-ancestors 'none'), X-Frame-Options and Referrer-Policy on every path but the LTI deep linking picker and its answer, which send their own (framed by the LMS that asked)", () => {
    // The registration page's own CSP (the test above) comes on top of this rule; the picker's replaces it.
    const csp = find("Content-Security-Policy").filter((r) => r.source !== "/api/lti/register");
    expect(csp).toHaveLength(1);
    expect(csp[0].headers.map((h) => h.key).sort()).toEqual(["Content-Security-Policy", "Referrer-Policy", "X-Frame-Options"]);
    const value = (key: string) => csp[0].headers.find((h) => h.key === key)?.value;
    expect(value("Content-Security-Policy")).toContain("form-action 'self'");
    expect(value("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(value("X-Frame-Options")).toBe("DENY");
    expect(find("X-Frame-Options")).toEqual(csp);
    expect("/api/lti/register").toMatch(new RegExp(`^/(${csp[0].source.slice("/:path(".length, -1)})$`));
    expect(find("Referrer-Policy")).toEqual(csp);
    // Next.js matches `source` as path-to-regexp does: the same pattern, anchored.
    const pattern = new RegExp(`^/(${csp[0].source.slice("/:path(".length, -1)})$`);
    for (const path of ["/", "/course", "/lessons/lone-wolf", "/api/lti/launch", "/api/lti/deep-link/x", "/api/lti/deep-linking", "/instructor", "/instructor/lti/deep-link/x", "/instructor/lti/deep-linking", "/x/instructor/lti/deep-link"]) {
      expect(path, path).toMatch(pattern);
    }
    expect("/api/lti/deep-link").not.toMatch(pattern);
    expect("/instructor/lti/deep-link").not.toMatch(pattern);
    expect(OWN_CSP_PATHS).toEqual(["/api/lti/deep-link", "/instructor/lti/deep-link"]);
  });

  it("exports the CSP the picker's own headers start from (proxy.ts), with frame-ancestors to replace", () => {
    expect(contentSecurityPolicy).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    expect(find("Content-Security-Policy")[0].headers[0].value).toBe(contentSecurityPolicy);
  });
});
