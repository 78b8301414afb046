import { exportJWK, generateKeyPair, jwtVerify, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";

process.env.NEXTAUTH_SECRET = "deep-link-test-secret-0123456789";
const { contentItems, deepLinkForm, frameAncestors, frameOrigin, pickerHeaders, picksOf, readDeepLinkRequest, returnPage, signDeepLinkRequest, signDeepLinkResponse, WHOLE_COURSE } = await import("./deep-link");
const { DL_CLAIM, LTI_CLAIM } = await import("./claims");

const NOW = 1_800_000_000;
const REQUEST = { id: "AAAAAAAAAAAAAAAA", platformId: "plat-1", deploymentId: "dep-1", returnUrl: "https://lms.example.org/deep_links/return?course=7", acceptMultiple: true, newWindow: true, data: "opaque &<data>" };
const UNITS = [
  { slug: "pre-assessment", title: "Before you start", graded: false },
  { slug: "lone-wolf", title: "“Lone wolf”? How a label shapes a story", graded: true },
  { slug: "claims", title: "Claims", graded: true },
  { slug: "reading-only", title: "Reading only", graded: false },
];

describe("the signed deep linking request", () => {
  const USER = { id: "user-1", sessionVersion: 3 };
  it("reads back what was signed and for whom (the user and their sessionVersion), with no session, until it expires", () => {
    const value = signDeepLinkRequest(REQUEST, USER, NOW + 60);
    expect(readDeepLinkRequest(value, NOW)).toEqual({ request: REQUEST, userId: "user-1", sessionVersion: 3 });
    expect(readDeepLinkRequest(value, NOW + 60)).toBeNull();
    const withoutData = { id: "B-_BBBBBBBBBBBBB", platformId: REQUEST.platformId, deploymentId: REQUEST.deploymentId, returnUrl: REQUEST.returnUrl, newWindow: false };
    expect(readDeepLinkRequest(signDeepLinkRequest({ ...withoutData, acceptMultiple: false }, USER, NOW + 60), NOW)?.request).toEqual({ ...withoutData, acceptMultiple: false });
  });

  it("refuses a request changed on the way, or not signed by this app", () => {
    const value = signDeepLinkRequest(REQUEST, USER, NOW + 60);
    const [body, signature] = value.split(".");
    const changed = Buffer.from(Buffer.from(body, "base64url").toString().replace("lms.example.org", "evil.example.org")).toString("base64url");
    expect(readDeepLinkRequest(`${changed}.${signature}`, NOW)).toBeNull();
    expect(readDeepLinkRequest(`${body}.${"A".repeat(43)}`, NOW)).toBeNull();
    expect(readDeepLinkRequest(body, NOW)).toBeNull();
    expect(readDeepLinkRequest(`${value}.x`, NOW)).toBeNull();
    // Signed, but without a request id of the right form.
    expect(readDeepLinkRequest(signDeepLinkRequest({ ...REQUEST, id: "short" }, USER, NOW + 60), NOW)).toBeNull();
    expect(readDeepLinkRequest("", NOW)).toBeNull();
    expect(deepLinkForm.safeParse({ request: value }).success).toBe(true);
    expect(deepLinkForm.safeParse({ request: "not signed" }).success).toBe(false);
    expect(deepLinkForm.safeParse({ request: value, "pick:x": "y".repeat(11) }).success).toBe(false);
    expect(deepLinkForm.safeParse({ request: value, cancel: "1" }).success).toBe(true);
    expect(deepLinkForm.safeParse({ request: value, cancel: "yes" }).success).toBe(false);
  });
});

describe("the picks and their content items", () => {
  it("reads checkboxes (pick:<slug>) and radio buttons (pick)", () => {
    expect(picksOf({ request: "r", "pick:lone-wolf": "on", "pick:claims": "on", "pick:x": "off" })).toEqual(["lone-wolf", "claims"]);
    expect(picksOf({ request: "r", pick: "claims" })).toEqual(["claims"]);
    expect(picksOf({ request: "r" })).toEqual([]);
  });

  it("links each unit with its name in the custom parameters, a line item for a graded quiz, and the whole course last", () => {
    const result = contentItems(["claims", WHOLE_COURSE, "lone-wolf", "reading-only"], UNITS, "https://bth.example.org/", { acceptMultiple: true, newWindow: false });
    expect(result).toEqual({
      items: [
        {
          type: "ltiResourceLink",
          title: UNITS[1].title,
          url: "https://bth.example.org/lessons/lone-wolf",
          custom: { unit: "lone-wolf" },
          lineItem: { scoreMaximum: 100, label: UNITS[1].title, resourceId: "lone-wolf" },
        },
        { type: "ltiResourceLink", title: "Claims", url: "https://bth.example.org/lessons/claims", custom: { unit: "claims" }, lineItem: { scoreMaximum: 100, label: "Claims", resourceId: "claims" } },
        { type: "ltiResourceLink", title: "Reading only", url: "https://bth.example.org/lessons/reading-only", custom: { unit: "reading-only" } },
        { type: "ltiResourceLink", title: "Behind the Headline", url: "https://bth.example.org/course" },
      ],
    });
  });

  it("asks for a window of their own where the platform can open one", () => {
    const result = contentItems(["lone-wolf", WHOLE_COURSE], UNITS, "https://bth.example.org", { acceptMultiple: true, newWindow: true });
    expect("items" in result && result.items.map((i) => i.window)).toEqual([{ targetName: "behind-the-headline" }, { targetName: "behind-the-headline" }]);
  });

  it("refuses nothing picked, a pick that is not a unit, and several when the platform takes one", () => {
    expect(contentItems([], UNITS, "https://bth.example.org", { acceptMultiple: true, newWindow: false })).toMatchObject({ refusal: expect.stringMatching(/Nothing was picked/) });
    expect(contentItems(["lone-wolf", "../admin"], UNITS, "https://bth.example.org", { acceptMultiple: true, newWindow: false })).toMatchObject({ refusal: expect.stringMatching(/not a unit/) });
    expect(contentItems(["draft-unit"], UNITS, "https://bth.example.org", { acceptMultiple: true, newWindow: false })).toMatchObject({ refusal: expect.stringMatching(/not a unit/) });
    expect(contentItems(["lone-wolf", "claims"], UNITS, "https://bth.example.org", { acceptMultiple: false, newWindow: false })).toMatchObject({ refusal: expect.stringMatching(/takes one item/) });
    expect(contentItems([WHOLE_COURSE], UNITS, "https://bth.example.org", { acceptMultiple: false, newWindow: false })).toEqual({ items: [{ type: "ltiResourceLink", title: "Behind the Headline", url: "https://bth.example.org/course" }] });
  });
});

describe("the response", () => {
  it("is an LtiDeepLinkingResponse from the tool's client id to the platform, signed RS256 with the tool key's kid", async () => {
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    const key = { kid: "tool-key-1", privateJwk: JSON.stringify({ ...(await exportJWK(privateKey)), kid: "tool-key-1", alg: "RS256" }) };
    const items = [{ type: "ltiResourceLink" as const, title: "Claims", url: "https://bth.example.org/lessons/claims" }];
    const jwt = await signDeepLinkResponse(key, { clientId: "tool-1", issuer: "https://lms.example.org", deploymentId: "dep-1" }, items, "opaque", NOW);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "RS256", kid: "tool-key-1", typ: "JWT" });
    const { payload } = await jwtVerify(jwt, publicKey, { issuer: "tool-1", audience: "https://lms.example.org", currentDate: new Date(NOW * 1000) });
    expect(payload).toMatchObject({
      iat: NOW,
      exp: NOW + 300,
      nonce: expect.stringMatching(/^[\w-]{20,}$/),
      [LTI_CLAIM.messageType]: "LtiDeepLinkingResponse",
      [LTI_CLAIM.version]: "1.3.0",
      [LTI_CLAIM.deploymentId]: "dep-1",
      [DL_CLAIM.contentItems]: items,
      [DL_CLAIM.data]: "opaque",
      [DL_CLAIM.msg]: "Added from Behind the Headline: Claims",
    });
    const withoutData = await signDeepLinkResponse(key, { clientId: "tool-1", issuer: "https://lms.example.org", deploymentId: "dep-1" }, items, undefined, NOW);
    expect((await jwtVerify(withoutData, publicKey, { currentDate: new Date(NOW * 1000) })).payload).not.toHaveProperty(DL_CLAIM.data);
    // Cancelled: no items, and a message that says so.
    const cancelled = await signDeepLinkResponse(key, { clientId: "tool-1", issuer: "https://lms.example.org", deploymentId: "dep-1" }, [], undefined, NOW);
    expect((await jwtVerify(cancelled, publicKey, { currentDate: new Date(NOW * 1000) })).payload).toMatchObject({ [DL_CLAIM.contentItems]: [], [DL_CLAIM.msg]: "Nothing was added from Behind the Headline." });
    expect(await returnPage("https://lms.example.org/r", cancelled, 0).text()).toContain("Nothing goes back");
  });

  it("goes back in a page that posts it to the return URL, with a CSP allowing form posts to that origin only", async () => {
    const res = returnPage('https://lms.example.org/return?a=1&b="2"', "a.b.c", 2);
    expect(res.status).toBe(200);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("form-action https://lms.example.org;");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'sha256-[\w+/=]+'/);
    // Framed by the platform that asked (the picker may be in its dialog), by no one else.
    expect(csp).toContain("frame-ancestors https://lms.example.org;");
    expect(res.headers.get("X-Frame-Options")).toBeNull();
    expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    const html = await res.text();
    expect(html).toContain('action="https://lms.example.org/return?a=1&#38;b=&#34;2&#34;"');
    expect(html).toContain('<input type="hidden" name="JWT" value="a.b.c">');
    expect(html).toContain("2 items go back");
    expect(html).toContain('<button type="submit">Continue</button>');
  });
});

describe("framing the picker: only by the platform that asked", () => {
  const APP_CSP = "default-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  const signed = (returnUrl: string, expires = NOW + 60) => signDeepLinkRequest({ ...REQUEST, returnUrl }, { id: "user-1", sessionVersion: 0 }, expires);

  it("names the origin of the signed request's return URL, and nothing else of the app's CSP changes", () => {
    const headers = pickerHeaders(signed("https://school.instructure.com/courses/7/deep_linking_response?x=1"), APP_CSP, NOW);
    expect(headers).toEqual({
      "Content-Security-Policy": "default-src 'self'; script-src 'self'; frame-ancestors https://school.instructure.com; base-uri 'self'; form-action 'self'",
      // Its address holds the signed request: no Referer to other origins (and the form's POST keeps its Origin header).
      "Referrer-Policy": "same-origin",
    });
    expect(pickerHeaders(signed("http://127.0.0.1:4004/deep-link-return"), APP_CSP, NOW)["Content-Security-Policy"]).toContain("frame-ancestors http://127.0.0.1:4004;");
    expect(pickerHeaders(signed("https://moodle.example.edu:8443/mod/lti/contentitem_return.php"), APP_CSP, NOW)["Content-Security-Policy"]).toContain("frame-ancestors https://moodle.example.edu:8443;");
  });

  it("lets no one frame it without a request this app signed and that is current: frame-ancestors 'none' and X-Frame-Options DENY", () => {
    const none = { "Content-Security-Policy": APP_CSP, "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY" };
    expect(pickerHeaders(null, APP_CSP, NOW)).toEqual(none);
    expect(pickerHeaders("", APP_CSP, NOW)).toEqual(none);
    expect(pickerHeaders(signed("https://lms.example.org/r", NOW), APP_CSP, NOW)).toEqual(none);
    const [body, signature] = signed("https://lms.example.org/r").split(".");
    const forged = Buffer.from(Buffer.from(body, "base64url").toString().replace("lms.example.org", "evil.example.org")).toString("base64url");
    expect(pickerHeaders(`${forged}.${signature}`, APP_CSP, NOW)).toEqual(none);
  });

  it("never names a wildcard, a keyword, a path or a scheme other than http(s)", () => {
    for (const url of ["https://*.example.org/r", "https://*/r", "https://lms.example.org;script-src*/r", "javascript:alert(1)", "data:text/html,x", "file:///etc/passwd", "blob:https://lms.example.org/x", "not a url", "", "https://lms_example.org/r", "https://-lms.example.org/r"]) {
      expect(frameAncestors(url), url).toBe("'none'");
      expect(frameOrigin(url), url).toBeNull();
    }
    expect(frameAncestors(undefined)).toBe("'none'");
    expect(frameAncestors("https://LMS.Example.org:443/a/b?c#d")).toBe("https://lms.example.org");
    expect(frameAncestors("https://xn--bcher-kva.example/r")).toBe("https://xn--bcher-kva.example");
    expect(frameAncestors("https://bücher.example/r")).toBe("https://xn--bcher-kva.example");
    expect(frameAncestors("http://[::1]:8080/r")).toBe("http://[::1]:8080");
    // A return URL with a wildcard host can be signed (isReturnUrl takes it) but never frames the picker.
    expect(pickerHeaders(signed("https://*.example.org/r"), APP_CSP, NOW)["X-Frame-Options"]).toBe("DENY");
  });
});
