// The tool's signing keys against a throwaway database: made once on first use, published
// without their private half, rotated with the old key kept for a while, and usable with jose.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { importJWK, jwtVerify, SignJWT, createLocalJWKSet } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/server/prisma-client";
import { currentToolKey, publishedKeys, RETIRED_KEPT_MS, rotateToolKey } from "./keys";

const dir = mkdtempSync(path.join(os.tmpdir(), "bth-lti-keys-"));
const url = `file:${path.join(dir, "test.db")}`;
execFileSync(path.join(process.cwd(), "node_modules/.bin/prisma"), ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
const db = createPrismaClient(url);
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe("the tool's signing keys", () => {
  it("makes one key on first use, the same for every caller at once", async () => {
    const keys = await Promise.all([currentToolKey(db), currentToolKey(db), currentToolKey(db)]);
    expect(new Set(keys.map((k) => k.kid)).size).toBe(1);
    expect(await db.ltiToolKey.count()).toBe(1);
  });

  it("publishes only public halves, which verify what the private half signs", async () => {
    const key = await currentToolKey(db);
    const { keys } = await publishedKeys(db);
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "RSA", kid: key.kid, alg: "RS256", use: "sig" });
    for (const secret of ["d", "p", "q", "dp", "dq", "qi"]) expect(keys[0]).not.toHaveProperty(secret);
    const token = await new SignJWT({ hello: "platform" }).setProtectedHeader({ alg: "RS256", kid: key.kid }).sign(await importJWK(JSON.parse(key.privateJwk), "RS256"));
    expect((await jwtVerify(token, createLocalJWKSet({ keys }))).payload.hello).toBe("platform");
  });

  it("rotates: a new signing key, the old one published until it has been retired a week", async () => {
    const old = await currentToolKey(db);
    const now = new Date();
    const kid = await rotateToolKey(db, now);
    expect(kid).not.toBe(old.kid);
    expect((await currentToolKey(db)).kid).toBe(kid);
    expect((await publishedKeys(db, now)).keys.map((k) => k.kid)).toEqual([kid, old.kid]);
    const later = new Date(now.getTime() + RETIRED_KEPT_MS + 1000);
    expect((await publishedKeys(db, later)).keys.map((k) => k.kid)).toEqual([kid]);
  });
});
