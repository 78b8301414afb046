// The tool's own signing keys (RS256). A platform fetches the public half from /api/lti/jwks to
// verify what the tool signs (deep linking responses, service tokens: later steps of issue 17).
// The first key is made on first use and kept in the database (LtiToolKey), so every instance
// publishes and signs with the same keys. Rotating makes a new signing key and retires the old
// one, which stays published for RETIRED_KEPT_MS so tokens signed just before still verify.
// No marker: the rotation script (scripts/lti-rotate-key.ts) uses it with its own client.
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { isUniqueViolation } from "@/server/prisma-client";

export const TOOL_KEY_ALG = "RS256";
/** How long a retired key stays in the published set. */
export const RETIRED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
/** The key made first on every instance: instances racing to make it collide on its id. */
const FIRST_KID = "tool-key-1";

type KeyRow = { kid: string; publicJwk: string; privateJwk: string };

async function newKey(kid: string): Promise<KeyRow> {
  const { publicKey, privateKey } = await generateKeyPair(TOOL_KEY_ALG, { modulusLength: 2048, extractable: true });
  const meta = { kid, alg: TOOL_KEY_ALG, use: "sig" };
  return { kid, publicJwk: JSON.stringify({ ...(await exportJWK(publicKey)), ...meta }), privateJwk: JSON.stringify({ ...(await exportJWK(privateKey)), ...meta }) };
}

/** The current signing key (the newest not retired), made on first use. */
export async function currentToolKey(db: PrismaClient): Promise<KeyRow> {
  const select = { kid: true, publicJwk: true, privateJwk: true } as const;
  const current = await db.ltiToolKey.findFirst({ where: { retiredAt: null }, orderBy: { createdAt: "desc" }, select });
  if (current) return current;
  try {
    return await db.ltiToolKey.create({ data: await newKey(FIRST_KID), select });
  } catch (error) {
    // Another instance made the first key at the same moment: use that one.
    if (!isUniqueViolation(error)) throw error;
    return db.ltiToolKey.findUniqueOrThrow({ where: { kid: FIRST_KID }, select });
  }
}

/** The public keys to publish: the current one and those retired less than RETIRED_KEPT_MS ago. */
export async function publishedKeys(db: PrismaClient, now = new Date()): Promise<{ keys: JWK[] }> {
  await currentToolKey(db);
  const rows = await db.ltiToolKey.findMany({
    where: { OR: [{ retiredAt: null }, { retiredAt: { gt: new Date(now.getTime() - RETIRED_KEPT_MS) } }] },
    orderBy: { createdAt: "desc" },
    select: { publicJwk: true },
  });
  return { keys: rows.map((r) => JSON.parse(r.publicJwk) as JWK) };
}

/** Makes a new signing key and retires the others (they stay published for a while). Returns the new key's id. */
export async function rotateToolKey(db: PrismaClient, now = new Date()): Promise<string> {
  const key = await newKey(`tool-key-${now.toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`);
  await db.$transaction([db.ltiToolKey.updateMany({ where: { retiredAt: null }, data: { retiredAt: now } }), db.ltiToolKey.create({ data: { ...key, createdAt: now } })]);
  return key.kid;
}
