import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// Counts next-auth's decodes: a cookie already verified is not decrypted again.
const decodes = vi.hoisted(() => ({ count: 0 }));
vi.mock("next-auth/jwt", async (original) => {
  const jwt = await original<typeof import("next-auth/jwt")>();
  return {
    ...jwt,
    decode: (params: Parameters<typeof jwt.decode>[0]) => {
      decodes.count++;
      return jwt.decode(params);
    },
  };
});

const { encode } = await import("next-auth/jwt");
const { readSession, SESSION_MAX_AGE_S } = await import("./session");

const SECRET = "a-test-secret-of-enough-length-0123456789";
const OTHER = "another-secret-of-enough-length-9876543210";
const now = () => Math.floor(Date.now() / 1000);
const cookie = (claims: Record<string, unknown>, secret = SECRET, maxAge = SESSION_MAX_AGE_S) => encode({ token: claims, secret, maxAge });

describe("readSession", () => {
  beforeEach(() => vi.stubEnv("NEXTAUTH_SECRET", SECRET));
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it("reads a cookie next-auth made, decrypting each cookie once", async () => {
    const at = now();
    const first = await cookie({ uid: "u1", sv: 2, at });
    const second = await cookie({ uid: "u2", sv: 0, at });
    const before = decodes.count;
    expect(await readSession(first)).toEqual({ uid: "u1", sv: 2, at });
    expect(await readSession(second)).toEqual({ uid: "u2", sv: 0, at });
    expect(await readSession(first)).toEqual({ uid: "u1", sv: 2, at });
    expect(await readSession(second)).toEqual({ uid: "u2", sv: 0, at });
    expect(decodes.count - before).toBe(2);
  });

  it("a remembered cookie still ends: at its expiry, at the sign-in's age limit, and with a new secret", async () => {
    const at = now();
    // Expiry (one hour): read now, refused after it even though it was verified before.
    const shortLived = await cookie({ uid: "u1", sv: 0, at }, SECRET, 3600);
    expect(await readSession(shortLived)).not.toBeNull();
    vi.useFakeTimers({ now: (at + 3600 + 16) * 1000 });
    expect(await readSession(shortLived)).toBeNull();
    vi.useRealTimers();
    // The sign-in's age (SESSION_MAX_AGE_S after `at`), whatever the cookie's own expiry.
    const longLived = await cookie({ uid: "u1", sv: 0, at }, SECRET, 2 * SESSION_MAX_AGE_S);
    expect(await readSession(longLived)).not.toBeNull();
    vi.useFakeTimers({ now: (at + SESSION_MAX_AGE_S + 1) * 1000 });
    expect(await readSession(longLived)).toBeNull();
    vi.useRealTimers();
    // A rotated secret: cookies made with the old one no longer read, even remembered ones.
    const made = await cookie({ uid: "u3", sv: 1, at });
    expect(await readSession(made)).not.toBeNull();
    vi.stubEnv("NEXTAUTH_SECRET", OTHER);
    expect(await readSession(made)).toBeNull();
    expect(await readSession(await cookie({ uid: "u3", sv: 1, at }, OTHER))).toEqual({ uid: "u3", sv: 1, at });
  });

  it("refuses what is not a live session: another secret, altered, expired, too old, malformed claims, nothing", async () => {
    const at = now();
    const good = await cookie({ uid: "u1", sv: 0, at });
    expect(await readSession(await cookie({ uid: "u1", sv: 0, at }, "not-the-secret-of-enough-length-0000000"))).toBeNull();
    const parts = good.split(".");
    parts[3] = parts[3].slice(0, -2) + (parts[3].endsWith("AA") ? "BB" : "AA");
    expect(await readSession(parts.join("."))).toBeNull();
    expect(await readSession(await cookie({ uid: "u1", sv: 0, at }, SECRET, -60))).toBeNull();
    expect(await readSession(await cookie({ uid: "u1", sv: 0, at: at - SESSION_MAX_AGE_S - 1 }))).toBeNull();
    expect(await readSession(await cookie({ uid: 7, sv: 0, at }))).toBeNull();
    expect(await readSession("not-a-jwt")).toBeNull();
    expect(await readSession(undefined)).toBeNull();
    expect(await readSession(good)).toEqual({ uid: "u1", sv: 0, at });
  });
});
