// Grades back to the LMS: the pure parts (back-off, the scores URL, the score), and the sender
// against a real schema (SQLite, or PostgreSQL in npm run test:postgres) with a platform faked
// as a fetch: the client assertion and token, one delivery per row however many workers, retries
// and refusals, a newer score superseding an older one, and a written answer's score queued.
import { createLocalJWKSet, jwtVerify, type JWK } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/test/scratch-database";
import type { OwnClass } from "@/server/reports/classes";
import { AGS_SCOPE } from "./claims";
import { backoffMs, MAX_TRIES, retryable, scorePayload, scoresUrl, SCORE_CONTENT_TYPE } from "./ags";

const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.url;
const { db } = await import("@/server/db");
const { claimDue, forgetTokens, kickScoreSender, sendDueScores, startScoreWorker, LEASE_MS } = await import("./ags");
const { classScores, queueUnitScore, resendScore } = await import("./ags-store");
const { publishedKeys } = await import("./keys");

describe("the pure parts", () => {
  it("back off 30 s, 2 min, 10 min, … up to 6 h", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => backoffMs(n) / 1000)).toEqual([30, 120, 600, 1800, 3600, 10800, 21600, 21600, 21600]);
    expect(MAX_TRIES).toBeGreaterThan(3);
  });

  it("put /scores after the line item's path, before its query", () => {
    expect(scoresUrl("https://lms.example.org/api/lti/courses/7/line_items/3")).toBe("https://lms.example.org/api/lti/courses/7/line_items/3/scores");
    expect(scoresUrl("https://lms.example.org/mod/lti/services.php/2/lineitems/5/lineitem?type_id=1")).toBe(
      "https://lms.example.org/mod/lti/services.php/2/lineitems/5/lineitem/scores?type_id=1",
    );
    expect(scoresUrl("https://lms.example.org/li/3/")).toBe("https://lms.example.org/li/3/scores");
  });

  it("send the score as AGS wants it: rounded, within 0…maximum, ISO time", () => {
    const timestamp = new Date("2026-12-07T01:02:03.456Z");
    expect(scorePayload({ userSub: "u-1", scoreGiven: 66.666666, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp })).toEqual({
      userId: "u-1",
      scoreGiven: 66.67,
      scoreMaximum: 100,
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
      timestamp: "2026-12-07T01:02:03.456Z",
    });
    expect(scorePayload({ userSub: "u", scoreGiven: 140, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "PendingManual", timestamp }).scoreGiven).toBe(100);
  });

  it("try again after 5xx, 408 and 429; not after another 4xx", () => {
    expect([500, 502, 503, 408, 429].every(retryable)).toBe(true);
    expect([400, 401, 403, 404, 422].some(retryable)).toBe(false);
  });
});

// A platform as fetch: a token endpoint that checks the client assertion against the tool's
// published keys, and a scores endpoint that records what it gets (or answers `scoreStatus`).
type Received = { url: string; auth: string | null; type: string | null; body: Record<string, unknown> };
let received: Received[] = [];
let tokenRequests = 0;
let scoreStatus = 200;
const TOKEN_URL = "https://lms.example.org/token";
async function platformFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const url = String(input);
  if (url === TOKEN_URL) {
    tokenRequests++;
    const form = new URLSearchParams(String(init?.body));
    const keys = createLocalJWKSet((await publishedKeys(db)) as { keys: JWK[] });
    const { payload } = await jwtVerify(form.get("client_assertion")!, keys, { issuer: "tool-7", subject: "tool-7", audience: TOKEN_URL });
    expect(payload.jti).toEqual(expect.any(String));
    expect(form.get("grant_type")).toBe("client_credentials");
    expect(form.get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    expect(form.get("scope")).toBe(AGS_SCOPE.score);
    return Response.json({ access_token: `token-${tokenRequests}`, token_type: "bearer", expires_in: 3600 });
  }
  // Slow enough that two workers overlap.
  await new Promise((r) => setTimeout(r, 20));
  const headers = new Headers(init?.headers);
  received.push({ url, auth: headers.get("authorization"), type: headers.get("content-type"), body: JSON.parse(String(init?.body)) as Record<string, unknown> });
  return new Response(scoreStatus === 200 ? "" : "line item closed", { status: scoreStatus });
}

let userId = "";
let lineItemId = "";
let classId = "";
let platformId = "";
beforeAll(async () => {
  const user = await db.user.create({ data: { email: "ags@example.org", name: "Ada", passwordHash: "x" } });
  userId = user.id;
  classId = (await db.class.create({ data: { name: "C", instructorId: userId } })).id;
  platformId = (await db.ltiPlatform.create({ data: { name: "LMS", issuer: "https://lms.example.org", clientId: "tool-7", authUrl: "https://lms.example.org/a", tokenUrl: TOKEN_URL, jwksUrl: "https://lms.example.org/j" } })).id;
  lineItemId = (
    await db.ltiLineItem.create({
      data: { platformId, userId, classId, userSub: "lms-ada", resourceLinkId: "link-1", lessonSlug: "claims", lineItemUrl: "https://lms.example.org/li/9?x=1", scopes: AGS_SCOPE.score },
    })
  ).id;
});
afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});
beforeEach(async () => {
  received = [];
  tokenRequests = 0;
  scoreStatus = 200;
  forgetTokens();
  await db.ltiScoreOutbox.deleteMany();
});

let n = 0;
async function queue(over: { scoreGiven?: number; createdAt?: Date } = {}) {
  const at = over.createdAt ?? new Date(Date.now() - 1000 + n);
  const id = `attempt:test-${n++}:${lineItemId}`;
  return db.ltiScoreOutbox.create({
    data: {
      id, key: id, lineItemId, platformId, userId, lineItemUrl: "https://lms.example.org/li/9?x=1", userSub: "lms-ada", lessonSlug: "claims",
      scoreGiven: over.scoreGiven ?? 80, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp: at, nextTryAt: at, createdAt: at,
    },
  });
}

describe("the sender", () => {
  it("gets a token with a signed client assertion, keeps it, and posts each score to <lineitem>/scores", async () => {
    const row = await queue();
    expect(await sendDueScores(db, { fetch: platformFetch })).toMatchObject({ sent: 1 });
    expect(received).toEqual([
      {
        url: "https://lms.example.org/li/9/scores?x=1",
        auth: "Bearer token-1",
        type: SCORE_CONTENT_TYPE,
        body: { userId: "lms-ada", scoreGiven: 80, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp: row.timestamp.toISOString() },
      },
    ]);
    expect(await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 1, lastError: null, sentAt: expect.any(Date) });
    await queue();
    await sendDueScores(db, { fetch: platformFetch });
    expect(tokenRequests).toBe(1); // the token was kept
    expect(received.map((r) => r.auth)).toEqual(["Bearer token-1", "Bearer token-1"]);
  });

  it("claims a row once: a second claim finds it leased, until the lease ends; two workers at once send each row once", async () => {
    const row = await queue();
    const now = new Date();
    expect((await claimDue(db, now)).map((r) => [r.id, r.attempts])).toEqual([[row.id, 1]]);
    expect(await claimDue(db, now)).toEqual([]);
    expect(await claimDue(db, new Date(now.getTime() + LEASE_MS - 1))).toEqual([]);
    expect((await claimDue(db, new Date(now.getTime() + LEASE_MS + 1))).map((r) => [r.id, r.attempts])).toEqual([[row.id, 2]]);
    await db.ltiScoreOutbox.deleteMany();

    for (let i = 0; i < 12; i++) {
      const r = await queue({ scoreGiven: i });
      // Each on its own line item, so none supersedes another.
      const item = await db.ltiLineItem.create({
        data: { platformId, userId, classId, userSub: `lms-${i}`, resourceLinkId: `link-x-${i}-${Date.now()}`, lessonSlug: "claims", lineItemUrl: `https://lms.example.org/li/${i}`, scopes: "" },
      });
      await db.ltiScoreOutbox.update({ where: { id: r.id }, data: { lineItemId: item.id, lineItemUrl: item.lineItemUrl } });
    }
    const [a, b] = await Promise.all([sendDueScores(db, { fetch: platformFetch }), sendDueScores(db, { fetch: platformFetch })]);
    expect(a.sent + b.sent).toBe(12);
    expect(received).toHaveLength(12);
    expect(new Set(received.map((r) => r.url)).size).toBe(12);
    expect(await db.ltiScoreOutbox.count({ where: { status: "sent" } })).toBe(12);
    await db.ltiLineItem.deleteMany({ where: { id: { not: lineItemId } } });
  });

  it("tries again later when the platform is down, and gives up with the reason when it refuses", async () => {
    const row = await queue();
    scoreStatus = 503;
    const t0 = new Date();
    expect(await sendDueScores(db, { fetch: platformFetch, now: () => t0 })).toMatchObject({ pending: 1 });
    const after = await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: row.id } });
    expect(after).toMatchObject({ status: "pending", attempts: 1, lastError: "The platform refused the score: HTTP 503 line item closed" });
    expect(after.nextTryAt.getTime() - t0.getTime()).toBe(30_000);
    // Not due yet: nothing sent.
    expect(await sendDueScores(db, { fetch: platformFetch, now: () => new Date(t0.getTime() + 29_000) })).toMatchObject({ pending: 0, sent: 0 });
    scoreStatus = 400;
    expect(await sendDueScores(db, { fetch: platformFetch, now: () => new Date(t0.getTime() + 31_000) })).toMatchObject({ failed: 1 });
    expect(await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "failed", attempts: 2, lastError: "The platform refused the score: HTTP 400 line item closed" });
  });

  it("marks a row failed after MAX_TRIES tries, and says so", async () => {
    const row = await queue();
    scoreStatus = 500;
    let t = Date.now();
    for (let i = 0; i < MAX_TRIES; i++) {
      await sendDueScores(db, { fetch: platformFetch, now: () => new Date(t) });
      t += 7 * 60 * 60_000;
    }
    expect(await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "failed", attempts: MAX_TRIES, lastError: expect.stringContaining(`gave up after ${MAX_TRIES} tries`) });
    expect(received).toHaveLength(MAX_TRIES);
  });

  it("a timeout or a connection refused is tried again", async () => {
    const row = await queue();
    const down = async () => {
      throw new TypeError("fetch failed");
    };
    await sendDueScores(db, { fetch: down as typeof fetch });
    expect(await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/^Could not reach the platform for the (score|access token request) \(/) });
  });

  it("sends only the newest score of a line item: an older one still waiting is superseded", async () => {
    const old = await queue({ scoreGiven: 40, createdAt: new Date(Date.now() - 5000) });
    const fresh = await queue({ scoreGiven: 90, createdAt: new Date(Date.now() - 1000) });
    const result = await sendDueScores(db, { fetch: platformFetch });
    expect(result).toMatchObject({ sent: 1, superseded: 1 });
    expect(received.map((r) => r.body.scoreGiven)).toEqual([90]);
    expect((await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("superseded");
    expect((await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("sent");
  });
});

describe("the worker", () => {
  it("sends the rows a stopped server left as soon as it starts, and what is queued after when kicked", async () => {
    const left = await queue({ scoreGiven: 11 });
    const worker = startScoreWorker(db, { fetch: platformFetch, tickMs: 60_000, log: () => undefined });
    try {
      expect(startScoreWorker(db)).toBe(worker); // one per process
      await expect.poll(async () => (await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: left.id } })).status).toBe("sent");
      const later = await queue({ scoreGiven: 12, createdAt: new Date() });
      await db.ltiScoreOutbox.update({ where: { id: later.id }, data: { lineItemId: (await db.ltiLineItem.create({ data: { platformId, userId, classId, userSub: "k", resourceLinkId: `kick-${Date.now()}`, lessonSlug: "claims", lineItemUrl: "https://lms.example.org/li/k", scopes: "" } })).id } });
      kickScoreSender();
      await expect.poll(async () => (await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("sent");
      expect(received.map((r) => r.body.scoreGiven)).toEqual([11, 12]);
    } finally {
      worker.stop();
      await db.ltiLineItem.deleteMany({ where: { id: { not: lineItemId } } });
    }
  });
});

describe("queueUnitScore (a written answer scored)", () => {
  it("queues the unit's best graded attempt once per key, FullyGraded when nothing waits", async () => {
    const at = new Date();
    for (const [i, fraction, pendingCount, kind] of [
      [1, 0.6, 0, "unit"],
      [2, 0.9, 0, "unit"],
      [3, 1, 0, "practice"],
    ] as const) {
      await db.quizAttempt.create({
        data: { userId, lessonSlug: "claims", quizId: kind === "unit" ? "claims-quiz" : "claims-practice", kind, attemptNumber: i, submissionKey: `s-${i}`, score: 0, maxScore: 1, fraction, passed: true, pendingCount, submittedAt: at },
      });
    }
    const queued = await db.$transaction((tx) => queueUnitScore(tx, userId, "claims", "review:r1", at));
    expect(queued).toBe(1);
    expect(await db.$transaction((tx) => queueUnitScore(tx, userId, "claims", "review:r1", at))).toBe(0);
    expect(await db.ltiScoreOutbox.findMany({ select: { key: true, scoreGiven: true, gradingProgress: true, status: true } })).toEqual([
      { key: `review:r1:${lineItemId}`, scoreGiven: 90, gradingProgress: "FullyGraded", status: "pending" },
    ]);
    expect(await db.$transaction((tx) => queueUnitScore(tx, userId, "other-unit", "review:r2", at))).toBe(0);
  });
});

describe("the class's page: classScores and resendScore", () => {
  it("shows each student's newest score per line item, and sends a failed one of the class again", async () => {
    const klass = { id: classId, enrollments: [{ user: { id: userId, name: "Ada" } }] } as unknown as OwnClass;
    const older = await queue({ scoreGiven: 10, createdAt: new Date(Date.now() - 9000) });
    const newest = await queue({ scoreGiven: 70, createdAt: new Date(Date.now() - 2000) });
    await db.ltiScoreOutbox.update({ where: { id: newest.id }, data: { status: "failed", lastError: "HTTP 400 closed", attempts: 1 } });
    expect(await classScores(klass)).toEqual([expect.objectContaining({ id: newest.id, studentName: "Ada", lessonSlug: "claims", status: "failed", scoreGiven: 70, lastError: "HTTP 400 closed", tries: 1 })]);
    const otherClass = { id: "another-class", enrollments: [] } as unknown as OwnClass;
    expect(await resendScore(otherClass, newest.id)).toBe(false);
    expect(await resendScore(klass, older.id)).toBe(false); // not failed
    expect(await resendScore(klass, newest.id)).toBe(true);
    expect(await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: newest.id } })).toMatchObject({ status: "pending", attempts: 0 });
    expect(await resendScore(klass, newest.id)).toBe(false); // pending now
  });
});
