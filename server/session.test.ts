import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { readSession, SESSION_MAX_AGE_S } from "./session";

const SECRET = "a-test-secret-of-enough-length-0123456789";
const now = () => Math.floor(Date.now() / 1000);
const cookie = (claims: Record<string, unknown>, secret = SECRET, maxAge = SESSION_MAX_AGE_S) => encode({ token: claims, secret, maxAge });

describe("readSession", () => {
  beforeEach(() => vi.stubEnv("NEXTAUTH_SECRET", SECRET));
  afterEach(() => vi.unstubAllEnvs());

  it("reads the claims of a cookie next-auth made with this secret", async () => {
    const at = now();
    expect(await readSession(await cookie({ uid: "u1", sv: 2, at }))).toEqual({ uid: "u1", sv: 2, at });
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
    // A rotated secret: cookies made with the old one no longer read.
    vi.stubEnv("NEXTAUTH_SECRET", "another-secret-of-enough-length-9876543210");
    expect(await readSession(good)).toBeNull();
  });
});
