// The picker's authority is the signed request, not the session (the LMS may frame the picker,
// where the session cookie is not sent): what pickerRequest and finishDeepLink accept without a
// signed-in user, and what they refuse. The database, platforms and keys are stand-ins here;
// e2e/lti.spec.ts runs the same in a browser, framed by a test platform.
import { exportJWK, generateKeyPair } from "jose";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

process.env.NEXTAUTH_SECRET = "deep-link-response-test-secret-0123";

type UserRow = { id: string; role: string; sessionVersion: number };
const users = new Map<string, UserRow>();
const answered = new Set<string>();
vi.mock("@/server/db", () => ({
  db: {
    user: { findUnique: async ({ where }: { where: { id: string } }) => users.get(where.id) ?? null },
    ltiNonce: {
      create: async ({ data }: { data: { state: string } }) => {
        if (answered.has(data.state)) throw Object.assign(new Error("unique"), { code: "P2002" });
        answered.add(data.state);
        return { state: data.state };
      },
    },
  },
}));
vi.mock("@/server/prisma-client", () => ({ isUniqueViolation: (error: unknown) => (error as { code?: string }).code === "P2002" }));
vi.mock("@/server/content/course", () => ({ getPublishedCourse: async () => [], summarise: (x: unknown) => x }));
vi.mock("./platforms", () => ({
  platformById: async (id: string) => (id === "plat-1" ? { id, clientId: "tool-1", issuer: "https://lms.example.org", deploymentIds: ["dep-1"] } : null),
}));
let toolKey: { kid: string; privateJwk: string };
vi.mock("./keys", () => ({ currentToolKey: async () => toolKey }));

const { finishDeepLink, pickerRequest } = await import("./deep-link-response");
const { signDeepLinkRequest } = await import("./deep-link");

const RETURN_URL = "https://school.lms.example.org/courses/7/deep_linking_response";
let n = 0;
const newRequest = () => ({ id: `req-${String(n++).padStart(12, "0")}`, platformId: "plat-1", deploymentId: "dep-1", returnUrl: RETURN_URL, acceptMultiple: true, newWindow: true });
const signed = (request = newRequest(), user = { id: "teacher-1", sessionVersion: 2 }) => signDeepLinkRequest(request, user, Math.floor(Date.now() / 1000) + 600);
const cancel = (request: string) => ({ request, cancel: "1" as const });
const TEACHER = { id: "teacher-1", name: "T", email: "t@example.org", role: "instructor" as const };

beforeAll(async () => {
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  toolKey = { kid: "tool-key-1", privateJwk: JSON.stringify(await exportJWK(privateKey)) };
});
beforeEach(() => {
  users.clear();
  users.set("teacher-1", { id: "teacher-1", role: "instructor", sessionVersion: 2 });
});

describe("the picker's request, without a session", () => {
  it("is accepted when this app signed it, it is current and the instructor it names still is one, with the same sessionVersion", async () => {
    const request = newRequest();
    expect(await pickerRequest(signed(request), null)).toEqual(request);
    // The same instructor signed in (a first-party window) changes nothing.
    expect(await pickerRequest(signed(request), TEACHER)).toEqual(request);
    users.set("teacher-1", { id: "teacher-1", role: "admin", sessionVersion: 2 });
    expect(await pickerRequest(signed(request), null)).toEqual(request);
  });

  it("is refused when the user is gone, no longer teaches, ended their sessions, or someone else is signed in", async () => {
    const value = signed();
    users.set("teacher-1", { id: "teacher-1", role: "student", sessionVersion: 2 });
    expect(await pickerRequest(value, null)).toBeNull();
    users.set("teacher-1", { id: "teacher-1", role: "instructor", sessionVersion: 3 });
    expect(await pickerRequest(value, null)).toBeNull();
    users.delete("teacher-1");
    expect(await pickerRequest(value, null)).toBeNull();
    users.set("teacher-1", { id: "teacher-1", role: "instructor", sessionVersion: 2 });
    expect(await pickerRequest(value, { id: "teacher-2" })).toBeNull();
    expect(await pickerRequest(`${value}x`, null)).toBeNull();
    expect(await pickerRequest(undefined, null)).toBeNull();
    expect(await pickerRequest(signDeepLinkRequest(newRequest(), { id: "teacher-1", sessionVersion: 2 }, Math.floor(Date.now() / 1000) - 1), null)).toBeNull();
  });
});

describe("the picker's answer, without a session", () => {
  it("answers once, with a page the requesting platform alone may frame", async () => {
    const value = signed();
    const res = await finishDeepLink(cancel(value), null, "https://bth.example.org");
    expect(res.status).toBe(200);
    const csp = res.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain("frame-ancestors https://school.lms.example.org;");
    expect(csp).toContain("form-action https://school.lms.example.org;");
    expect(res.headers.get("X-Frame-Options")).toBeNull();
    expect(await res.text()).toContain(`action="${RETURN_URL}"`);
    const again = await finishDeepLink(cancel(value), null, "https://bth.example.org");
    expect(again.status).toBe(409);
    // The refusal of a known request may show in the platform's frame too; still no form.
    expect(again.headers.get("Content-Security-Policy")).toContain("frame-ancestors https://school.lms.example.org;");
    expect(again.headers.get("Content-Security-Policy")).toContain("form-action 'none'");
  });

  it("is refused, framed by no one, for a request that is not current or someone else's; by the platform for an instructor no longer current", async () => {
    const forged = await finishDeepLink(cancel(`${signed()}x`), null, "https://bth.example.org");
    expect(forged.status).toBe(403);
    expect(forged.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(forged.headers.get("X-Frame-Options")).toBe("DENY");
    const otherSession = await finishDeepLink(cancel(signed()), { ...TEACHER, id: "teacher-2" }, "https://bth.example.org");
    expect(otherSession.status).toBe(403);
    users.set("teacher-1", { id: "teacher-1", role: "instructor", sessionVersion: 9 });
    const ended = await finishDeepLink(cancel(signed()), null, "https://bth.example.org");
    expect(ended.status).toBe(403);
    expect(await ended.text()).toContain("no longer an instructor here, or whose sessions were ended");
    const unregistered = await finishDeepLink(cancel(signed({ ...newRequest(), platformId: "gone" }, { id: "teacher-1", sessionVersion: 9 })), null, "https://bth.example.org");
    expect(unregistered.status).toBe(403);
    expect(await unregistered.text()).toContain("no longer registered");
    expect(answered.size).toBe(1); // only the first test's answer
  });
});
