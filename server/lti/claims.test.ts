import { describe, expect, it } from "vitest";
import { agsEndpoint, AGS_ENDPOINT_CLAIM, AGS_SCOPE, checkDeepLinkingClaims, checkLaunchClaims, cleanName, CLOCK_SKEW_S, DL_CLAIM, isDeepLinkingRequest, launchTarget, LTI_CLAIM, MAX_TOKEN_AGE_S, NRPS_CLAIM, nrpsService, roleFromLti, type Expected } from "./claims";

const NOW = 1_800_000_000;
const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const expected: Expected = { issuer: "https://lms.example.org", clientId: "tool-1", deploymentIds: ["dep-1", "dep-2"], nonce: "nonce-abc", now: NOW };

function payload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: "https://lms.example.org",
    aud: "tool-1",
    sub: "user-42",
    exp: NOW + 300,
    iat: NOW - 5,
    nonce: "nonce-abc",
    name: "Ada Lovelace",
    [LTI_CLAIM.version]: "1.3.0",
    [LTI_CLAIM.messageType]: "LtiResourceLinkRequest",
    [LTI_CLAIM.deploymentId]: "dep-2",
    [LTI_CLAIM.targetLinkUri]: "https://bth.example.org/lessons/lone-wolf",
    [LTI_CLAIM.resourceLink]: { id: "link-1" },
    [LTI_CLAIM.roles]: [`${M}#Learner`],
    [LTI_CLAIM.context]: { id: "course-7", title: "Media 101" },
    [LTI_CLAIM.custom]: { unit: "lone-wolf", n: 3 },
    ...overrides,
  };
}
const refusal = (p: Record<string, unknown>) => {
  const r = checkLaunchClaims(p, expected);
  return r.ok ? "accepted" : `${r.status} ${r.reason}`;
};

describe("checkLaunchClaims", () => {
  it("accepts a well-formed resource link launch and says who, where and as what", () => {
    const r = checkLaunchClaims(payload(), expected);
    expect(r).toEqual({
      ok: true,
      launch: {
        issuer: "https://lms.example.org",
        sub: "user-42",
        deploymentId: "dep-2",
        role: "student",
        name: "Ada Lovelace",
        context: { id: "course-7", title: "Media 101" },
        targetLinkUri: "https://bth.example.org/lessons/lone-wolf",
        custom: { unit: "lone-wolf" },
        resourceLinkId: "link-1",
      },
    });
  });

  it("refuses another issuer, another audience, and an azp that is not this tool", () => {
    expect(refusal(payload({ iss: "https://evil.example.org" }))).toMatch(/^401 .*iss/);
    expect(refusal(payload({ aud: "other-tool" }))).toMatch(/^401 .*aud/);
    expect(refusal(payload({ aud: ["other-tool"] }))).toMatch(/^401 .*aud/);
    expect(refusal(payload({ aud: ["tool-1", "other-tool"] }))).toMatch(/^401 .*azp/);
    expect(refusal(payload({ aud: ["tool-1", "other-tool"], azp: "other-tool" }))).toMatch(/^401 .*azp/);
    expect(refusal(payload({ azp: "other-tool" }))).toMatch(/^401 .*azp/);
    expect(refusal(payload({ aud: ["tool-1", "other-tool"], azp: "tool-1" }))).toBe("accepted");
  });

  it("allows a small clock skew and no more", () => {
    expect(refusal(payload({ exp: NOW - CLOCK_SKEW_S + 1 }))).toBe("accepted");
    expect(refusal(payload({ exp: NOW - CLOCK_SKEW_S }))).toMatch(/^401 .*expired/);
    expect(refusal(payload({ iat: NOW + CLOCK_SKEW_S }))).toBe("accepted");
    expect(refusal(payload({ iat: NOW + CLOCK_SKEW_S + 1 }))).toMatch(/^401 .*future/);
    expect(refusal(payload({ iat: NOW - MAX_TOKEN_AGE_S - CLOCK_SKEW_S - 1, exp: NOW + 3600 }))).toMatch(/^401 .*too old/);
    expect(refusal(payload({ exp: undefined }))).toMatch(/^401 .*expiry/);
    expect(refusal(payload({ iat: "now" }))).toMatch(/^401 .*expiry/);
  });

  it("refuses a nonce that is not this browser's login's", () => {
    expect(refusal(payload({ nonce: "another" }))).toMatch(/^401 .*nonce/);
    expect(refusal(payload({ nonce: undefined }))).toMatch(/^401 .*nonce/);
  });

  it("refuses another LTI version, another message type and an unregistered deployment", () => {
    expect(refusal(payload({ [LTI_CLAIM.version]: "1.1" }))).toMatch(/^400 .*1\.3\.0/);
    expect(refusal(payload({ [LTI_CLAIM.messageType]: "LtiSubmissionReviewRequest" }))).toMatch(/^400 .*LtiSubmissionReviewRequest.*LtiResourceLinkRequest.*LtiDeepLinkingRequest/);
    // A deep linking request goes through checkDeepLinkingClaims, never as a resource link launch.
    expect(refusal(payload({ [LTI_CLAIM.messageType]: "LtiDeepLinkingRequest" }))).toMatch(/^400 /);
    expect(refusal(payload({ [LTI_CLAIM.deploymentId]: "dep-3" }))).toMatch(/^403 .*deployment/);
    expect(refusal(payload({ [LTI_CLAIM.deploymentId]: undefined }))).toMatch(/^403 .*deployment/);
  });

  it("refuses launches without a user, a resource link, a target, roles it knows or a course", () => {
    expect(refusal(payload({ sub: "" }))).toMatch(/^400 .*user id/);
    expect(refusal(payload({ [LTI_CLAIM.resourceLink]: { title: "x" } }))).toMatch(/^400 .*resource link/);
    expect(refusal(payload({ [LTI_CLAIM.targetLinkUri]: 7 }))).toMatch(/^400 .*target/);
    expect(refusal(payload({ [LTI_CLAIM.roles]: "Learner" }))).toMatch(/^400 .*roles/);
    expect(refusal(payload({ [LTI_CLAIM.roles]: [`${M}#Mentor`] }))).toMatch(/^403 .*learners/);
    expect(refusal(payload({ [LTI_CLAIM.context]: undefined }))).toMatch(/^400 .*course/);
    expect(refusal(payload({ [LTI_CLAIM.context]: { id: 5 } }))).toMatch(/^400 .*course/);
  });

  it("takes the name from given and family names, and the course title from its label when it has no title", () => {
    const r = checkLaunchClaims(payload({ name: undefined, given_name: "Grace", family_name: "Hopper", [LTI_CLAIM.context]: { id: "c", label: "MED101" } }), expected);
    expect(r.ok && r.launch.name).toBe("Grace Hopper");
    expect(r.ok && r.launch.context.title).toBe("MED101");
  });
});

describe("roleFromLti", () => {
  it("maps learners to students and instructors and teaching assistants to instructors", () => {
    expect(roleFromLti([`${M}#Learner`])).toBe("student");
    expect(roleFromLti([`${M}/Learner#Learner`])).toBe("student");
    expect(roleFromLti(["Learner"])).toBe("student");
    expect(roleFromLti([`${M}#Instructor`])).toBe("instructor");
    expect(roleFromLti([`${M}/Instructor#TeachingAssistant`])).toBe("instructor");
    expect(roleFromLti(["Instructor"])).toBe("instructor");
  });
  it("lets teaching win over learning, and knows nothing else", () => {
    expect(roleFromLti([`${M}#Learner`, `${M}#Instructor`])).toBe("instructor");
    expect(roleFromLti([])).toBeNull();
    expect(roleFromLti([`${M}#Mentor`, "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", 7, null])).toBeNull();
    // An institution role named like a context role is not a course role.
    expect(roleFromLti(["http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor"])).toBeNull();
    expect(roleFromLti(["http://example.org/other#Learner"])).toBeNull();
  });
});

describe("launchTarget", () => {
  const units = new Set(["lone-wolf", "framing"]);
  const isUnit = (s: string) => units.has(s);
  const target = (targetLinkUri: string, custom: Record<string, string> = {}) => launchTarget({ targetLinkUri, custom }, "https://bth.example.org", isUnit);

  it("goes to the unit the custom parameter names, else the unit of the target link", () => {
    expect(target("https://bth.example.org/course", { unit: "framing" })).toBe("/lessons/framing");
    expect(target("https://bth.example.org/lessons/lone-wolf")).toBe("/lessons/lone-wolf");
    expect(target("https://bth.example.org/lessons/lone-wolf/")).toBe("/lessons/lone-wolf");
  });
  it("goes to the course page for anything else: unknown units, other paths, other sites", () => {
    expect(target("https://bth.example.org/lessons/nope", { unit: "nope" })).toBe("/course");
    expect(target("https://bth.example.org/admin/users")).toBe("/course");
    expect(target("https://evil.example.org/lessons/lone-wolf")).toBe("/course");
    expect(target("http://bth.example.org/lessons/lone-wolf")).toBe("/course");
    expect(target("not a url", { unit: "../admin" })).toBe("/course");
    expect(target("https://bth.example.org/lessons/lone-wolf%2F..%2Fadmin")).toBe("/course");
  });
});

describe("cleanName", () => {
  it("keeps what shows and drops invisible, direction-changing and control characters", () => {
    expect(cleanName("  Ada\u202E Lovelace\u200B ", "Student")).toBe("Ada Lovelace");
    expect(cleanName("Ada\n\tLovelace", "Student")).toBe("Ada Lovelace");
    expect(cleanName("\u200B\u0000", "Student")).toBe("Student");
    expect(cleanName("x\ud800y", "Student")).toBe("xy");
    expect(Array.from(cleanName("😀".repeat(100), "Student"))).toHaveLength(80);
  });
});

describe("checkDeepLinkingClaims", () => {
  const settings = { deep_link_return_url: "https://lms.example.org/deep_links/return?x=1", accept_types: ["link", "ltiResourceLink"], accept_presentation_document_targets: ["window"], data: "opaque-42" };
  const deepLink = (overrides: Record<string, unknown> = {}, settingsOverrides: Record<string, unknown> = {}) =>
    payload({
      [LTI_CLAIM.messageType]: "LtiDeepLinkingRequest",
      [LTI_CLAIM.resourceLink]: undefined,
      [LTI_CLAIM.targetLinkUri]: undefined,
      [LTI_CLAIM.custom]: undefined,
      [LTI_CLAIM.roles]: [`${M}#Instructor`],
      [DL_CLAIM.settings]: { ...settings, ...settingsOverrides },
      ...overrides,
    });
  const dlRefusal = (p: Record<string, unknown>) => {
    const r = checkDeepLinkingClaims(
      Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)),
      expected,
    );
    return r.ok ? "accepted" : `${r.status} ${r.reason}`;
  };

  it("accepts an instructor's request without a resource link, and keeps where to answer and what to echo", () => {
    const p = Object.fromEntries(Object.entries(deepLink()).filter(([, v]) => v !== undefined));
    expect(isDeepLinkingRequest(p)).toBe(true);
    expect(isDeepLinkingRequest(payload())).toBe(false);
    expect(checkDeepLinkingClaims(p, expected)).toEqual({
      ok: true,
      launch: { issuer: "https://lms.example.org", sub: "user-42", deploymentId: "dep-2", role: "instructor", name: "Ada Lovelace", context: { id: "course-7", title: "Media 101" }, targetLinkUri: "", custom: {} },
      settings: { returnUrl: "https://lms.example.org/deep_links/return?x=1", acceptMultiple: false, newWindow: true, data: "opaque-42" },
    });
    const multiple = checkDeepLinkingClaims(deepLink({}, { accept_multiple: true, data: undefined, accept_presentation_document_targets: ["iframe"] }), expected);
    expect(multiple.ok && multiple.settings).toEqual({ returnUrl: settings.deep_link_return_url, acceptMultiple: true, newWindow: false });
    const noTargets = checkDeepLinkingClaims(deepLink({}, { accept_presentation_document_targets: undefined }), expected);
    expect(noTargets.ok && noTargets.settings.newWindow).toBe(false);
    // Only `true` allows several items.
    const truthy = checkDeepLinkingClaims(deepLink({}, { accept_multiple: "true" }), expected);
    expect(truthy.ok && truthy.settings.acceptMultiple).toBe(false);
    // A teaching assistant may too.
    expect(dlRefusal(deepLink({ [LTI_CLAIM.roles]: [`${M}/Instructor#TeachingAssistant`] }))).toBe("accepted");
  });

  it("runs the checks every message meets", () => {
    expect(dlRefusal(deepLink({ iss: "https://evil.example.org" }))).toMatch(/^401 .*iss/);
    expect(dlRefusal(deepLink({ aud: "other-tool" }))).toMatch(/^401 .*aud/);
    expect(dlRefusal(deepLink({ exp: NOW - CLOCK_SKEW_S }))).toMatch(/^401 .*expired/);
    expect(dlRefusal(deepLink({ nonce: "another" }))).toMatch(/^401 .*nonce/);
    expect(dlRefusal(deepLink({ [LTI_CLAIM.version]: "1.1" }))).toMatch(/^400 .*1\.3\.0/);
    expect(dlRefusal(deepLink({ [LTI_CLAIM.messageType]: "LtiResourceLinkRequest" }))).toMatch(/^400 .*LtiResourceLinkRequest/);
    expect(dlRefusal(deepLink({ [LTI_CLAIM.deploymentId]: "dep-3" }))).toMatch(/^403 .*deployment/);
    expect(dlRefusal(deepLink({ sub: "" }))).toMatch(/^400 .*user id/);
  });

  it("refuses learners and anyone else who does not teach the course", () => {
    expect(dlRefusal(deepLink({ [LTI_CLAIM.roles]: [`${M}#Learner`] }))).toMatch(/^403 .*Only instructors and teaching assistants/);
    expect(dlRefusal(deepLink({ [LTI_CLAIM.roles]: [`${M}#Mentor`] }))).toMatch(/^403 .*Only instructors/);
    expect(dlRefusal(deepLink({ [LTI_CLAIM.roles]: "Instructor" }))).toMatch(/^400 .*roles/);
    expect(dlRefusal(deepLink({ [LTI_CLAIM.context]: undefined }))).toMatch(/^400 .*course/);
  });

  it("refuses settings without an http(s) return address, without ltiResourceLink, or with data that is not short text", () => {
    expect(dlRefusal(deepLink({ [DL_CLAIM.settings]: undefined }))).toMatch(/^400 .*deep_linking_settings/);
    expect(dlRefusal(deepLink({ [DL_CLAIM.settings]: "x" }))).toMatch(/^400 .*deep_linking_settings/);
    for (const url of [undefined, "", "javascript:alert(1)", "ftp://lms.example.org/x", "/relative", "https://user:pw@lms.example.org/x", `https://lms.example.org/${"x".repeat(2000)}`, 7]) {
      expect(dlRefusal(deepLink({}, { deep_link_return_url: url })), String(url)).toMatch(/^400 .*deep_link_return_url/);
    }
    expect(dlRefusal(deepLink({}, { deep_link_return_url: "http://localhost:8080/return" }))).toBe("accepted");
    expect(dlRefusal(deepLink({}, { accept_types: ["link", "file"] }))).toMatch(/^400 .*accept_types/);
    expect(dlRefusal(deepLink({}, { accept_types: "ltiResourceLink" }))).toMatch(/^400 .*accept_types/);
    expect(dlRefusal(deepLink({}, { accept_types: undefined }))).toMatch(/^400 .*accept_types/);
    expect(dlRefusal(deepLink({}, { data: 42 }))).toMatch(/^400 .*data/);
    expect(dlRefusal(deepLink({}, { data: "x".repeat(4097) }))).toMatch(/^400 .*data/);
    expect(dlRefusal(deepLink({}, { data: "x".repeat(4096) }))).toBe("accepted");
    // Counted in bytes as JSON holds them: the picker's address must stay short whatever the characters.
    expect(dlRefusal(deepLink({}, { data: "é".repeat(2049) }))).toMatch(/^400 .*data/);
    expect(dlRefusal(deepLink({}, { data: "\u0001".repeat(700) }))).toMatch(/^400 .*data/);
    expect(dlRefusal(deepLink({}, { data: '"'.repeat(2048) }))).toBe("accepted");
    expect(dlRefusal(deepLink({}, { deep_link_return_url: `https://lms.example.org/${"é".repeat(1000)}` }))).toMatch(/^400 .*deep_link_return_url/);
  });
});

describe("the AGS endpoint claim", () => {
  const lineitem = "https://lms.example.org/api/lti/courses/7/line_items/3";
  const claim = { scope: [AGS_SCOPE.score, AGS_SCOPE.lineItemReadOnly], lineitem, lineitems: "https://lms.example.org/api/lti/courses/7/line_items" };

  it("is kept on the launch: the scopes and the line item URLs", () => {
    const r = checkLaunchClaims(payload({ [AGS_ENDPOINT_CLAIM]: claim }), expected);
    expect(r.ok && r.launch.ags).toEqual(claim);
    expect(r.ok && r.launch.resourceLinkId).toBe("link-1");
  });

  it("is absent when the platform sends none, and a malformed one never refuses the launch", () => {
    const without = checkLaunchClaims(payload(), expected);
    expect(without.ok && "ags" in without.launch).toBe(false);
    for (const bad of ["x", 3, null, [], { scope: "score" }, { lineitem }, { scope: [] }, { scope: [4, ""], lineitem: "not a url" }]) {
      const r = checkLaunchClaims(payload({ [AGS_ENDPOINT_CLAIM]: bad }), expected);
      expect(r.ok).toBe(true);
      expect(r.ok && r.launch.ags).toBeUndefined();
    }
  });

  it("drops a URL that is not https (http only to this machine), has credentials, or is too long; keeps the rest", () => {
    expect(agsEndpoint({ scope: [AGS_SCOPE.score], lineitem: "http://lms.example.org/li/1" })).toEqual({ scope: [AGS_SCOPE.score] });
    expect(agsEndpoint({ scope: [AGS_SCOPE.score], lineitem: "https://u:p@lms.example.org/li/1" })).toEqual({ scope: [AGS_SCOPE.score] });
    expect(agsEndpoint({ scope: [AGS_SCOPE.score], lineitem: `https://lms.example.org/${"a".repeat(2000)}` })).toEqual({ scope: [AGS_SCOPE.score] });
    expect(agsEndpoint({ scope: [AGS_SCOPE.score], lineitem: "javascript:alert(1)" })).toEqual({ scope: [AGS_SCOPE.score] });
    expect(agsEndpoint({ scope: [AGS_SCOPE.score, 7, AGS_SCOPE.score], lineitem: "http://127.0.0.1:3704/li/1?x=1" })).toEqual({
      scope: [AGS_SCOPE.score],
      lineitem: "http://127.0.0.1:3704/li/1?x=1",
    });
  });
});

describe("the NRPS claim (roster sync)", () => {
  const url = "https://lms.example.org/api/lti/courses/7/names_and_roles";

  it("is kept on the launch: the course's membership URL", () => {
    const r = checkLaunchClaims(payload({ [NRPS_CLAIM]: { context_memberships_url: url, service_versions: ["2.0"] } }), expected);
    expect(r.ok && r.launch.nrps).toEqual({ contextMembershipsUrl: url });
  });

  it("is absent when the platform sends none, and a malformed one never refuses the launch", () => {
    const without = checkLaunchClaims(payload(), expected);
    expect(without.ok && "nrps" in without.launch).toBe(false);
    for (const bad of [
      "x",
      null,
      [],
      { context_memberships_url: url },
      { context_memberships_url: url, service_versions: ["1.0"] },
      { context_memberships_url: url, service_versions: "2.0" },
      { context_memberships_url: "http://lms.example.org/m", service_versions: ["2.0"] },
      { context_memberships_url: "https://u:p@lms.example.org/m", service_versions: ["2.0"] },
      { context_memberships_url: `https://lms.example.org/${"a".repeat(2000)}`, service_versions: ["2.0"] },
      { context_memberships_url: 7, service_versions: ["2.0"] },
    ]) {
      const r = checkLaunchClaims(payload({ [NRPS_CLAIM]: bad }), expected);
      expect(r.ok, JSON.stringify(bad)?.slice(0, 80)).toBe(true);
      expect(r.ok && r.launch.nrps).toBeUndefined();
    }
  });

  it("takes http only to this machine (tests), and other versions next to 2.0", () => {
    expect(nrpsService({ context_memberships_url: "http://127.0.0.1:3804/memberships/c1", service_versions: ["1.0", "2.0"] })).toEqual({ contextMembershipsUrl: "http://127.0.0.1:3804/memberships/c1" });
  });
});
