// Grades back to the LMS (LTI Assignment and Grade Services 2.0): the sender of the score
// outbox (LtiScoreOutbox). A row is written in the same transaction as what changed the unit's
// score (server/quiz/store.ts for an attempt, server/lti/ags-store.ts for a written answer's
// score), so nothing is lost and the student's submission never waits on the LMS. Here:
//   claim    due rows (pending, nextTryAt <= now) in small batches, with a conditional update
//            (still pending, still due) that marks them with a claim token and a lease: of two
//            workers (two instances) only one claims a row, and a row whose worker died is due
//            again when its lease ends (then it may be sent a second time: the same score again)
//   token    OAuth 2 client credentials with a JWT client assertion (RFC 7523) signed with the
//            tool's key (keys.ts), scope …/score; kept until shortly before it expires
//   send     POST <lineitem>/scores, application/vnd.ims.lis.v1.score+json; a newer score of the
//            same line item queued meanwhile supersedes this one (it is not sent)
//   after    sent; or tried again later (30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h) when the
//            platform is down, slow or busy (5xx, 408, 429, timeouts); failed, with the reason,
//            when it refuses the score (other 4xx) or after MAX_TRIES. A failed row can be sent
//            again from the class's page (resend).
// The worker runs in every server process (instrumentation.ts starts it: a timer, and a kick
// right after a score is queued). No "server-only" marker: instrumentation.ts (with the app's
// one Prisma client, which it makes) and the unit tests load it; the app's bundles find the
// running worker on globalThis.
import { randomUUID } from "node:crypto";
import { importJWK, SignJWT } from "jose";
import type { PrismaClient } from "@/server/generated/prisma/client";
import { AGS_SCOPE } from "./claims";
import { currentToolKey, TOOL_KEY_ALG } from "./keys";

export const SCORE_CONTENT_TYPE = "application/vnd.ims.lis.v1.score+json";
/** Every score is sent as a percentage of the unit: the best attempt's fraction × 100. */
export const SCORE_MAXIMUM = 100;
/** Tries before a row is marked failed (the first send counts). */
export const MAX_TRIES = 8;
/** Waits after the 1st, 2nd, … failed try; the last one repeats. */
const BACKOFF_MS = [30_000, 2 * 60_000, 10 * 60_000, 30 * 60_000, 60 * 60_000, 3 * 60 * 60_000, 6 * 60 * 60_000];
/** How long a claimed row is left alone while its worker sends it (longer than both fetch timeouts). */
export const LEASE_MS = 2 * 60_000;
/** Timeout of each request to the platform. */
export const FETCH_TIMEOUT_MS = 10_000;
/** Rows claimed at a time (and sent at the same time). */
export const BATCH = 10;
/** The timer's period: rows due after a back-off are found within this. */
export const TICK_MS = 15_000;

export type ScoreStatus = "pending" | "sent" | "failed" | "superseded";
export type GradingProgress = "FullyGraded" | "PendingManual";

/** The wait after `tries` failed tries (1 → 30 s, 2 → 2 min, …, capped at 6 h). */
export function backoffMs(tries: number): number {
  return BACKOFF_MS[Math.min(Math.max(tries, 1), BACKOFF_MS.length) - 1];
}

/** The scores service of a line item: `/scores` added to its path, before any query string (AGS 2.0 §3.4). */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}/scores`;
  return url.toString();
}

export type ScoreRow = { userSub: string; scoreGiven: number; scoreMaximum: number; activityProgress: string; gradingProgress: string; timestamp: Date };

/** The score as the platform takes it (AGS 2.0 §3.4.5). */
export function scorePayload(row: ScoreRow) {
  return {
    userId: row.userSub,
    scoreGiven: Math.round(Math.min(Math.max(row.scoreGiven, 0), row.scoreMaximum) * 100) / 100,
    scoreMaximum: row.scoreMaximum,
    activityProgress: row.activityProgress,
    gradingProgress: row.gradingProgress,
    timestamp: row.timestamp.toISOString(),
  };
}

/** What a failure means: try again later, or give up now (the platform refused it). */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/** 5xx, 408 (timeout) and 429 (busy) are worth another try; other 4xx are a refusal. */
export const retryable = (status: number) => status >= 500 || status === 408 || status === 429;

async function failure(what: string, res: Response): Promise<SendError> {
  const body = (await res.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
  return new SendError(`${what}: HTTP ${res.status}${body ? ` ${body}` : ""}`, retryable(res.status));
}

type Fetch = typeof fetch;
export type SenderOptions = { fetch?: Fetch; now?: () => Date };

/**
 * A request to the platform with FETCH_TIMEOUT_MS and no redirects; throws SendError (retry)
 * when it cannot connect or times out. `what` names the request in a sentence ("the score"):
 * the message is shown to instructors as it is (the grades sent to the LMS page).
 */
export async function request(f: Fetch, what: string, url: string, init: RequestInit): Promise<Response> {
  try {
    return await f(url, { ...init, redirect: "error", signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    const timeout = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new SendError(
      timeout
        ? `The platform did not answer ${what} within ${FETCH_TIMEOUT_MS / 1000} s.`
        : `Could not reach the platform for ${what} (${error instanceof Error ? error.message : String(error)}).`,
      true,
    );
  }
}

// Access tokens per platform (token URL and client id) and scope (…/score for grades, NRPS's
// …/contextmembership.readonly for roster sync: server/lti/roster.ts), kept until a minute
// before they expire; one request at a time per platform and scope.
type Token = { value: string; expiresAt: number };
const tokens = new Map<string, Promise<Token>>();
const EARLY_MS = 60_000;

/** Forgets the cached tokens (a platform refused one; tests). */
export function forgetTokens(): void {
  tokens.clear();
}

type PlatformRow = { tokenUrl: string; clientId: string };

/** The client assertion (RFC 7523 §2.2): iss = sub = the client id, aud = the token URL, a fresh jti, 5 minutes. */
export async function clientAssertion(db: PrismaClient, platform: PlatformRow, now: Date): Promise<string> {
  const key = await currentToolKey(db);
  const secs = Math.floor(now.getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid: key.kid, typ: "JWT" })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.tokenUrl)
    .setJti(randomUUID())
    .setIssuedAt(secs)
    .setExpirationTime(secs + 300)
    .sign(await importJWK(JSON.parse(key.privateJwk), TOOL_KEY_ALG));
}

async function fetchToken(db: PrismaClient, platform: PlatformRow, f: Fetch, now: Date, scope: string): Promise<Token> {
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: await clientAssertion(db, platform, now),
    scope,
  });
  const res = await request(f, "the access token request", platform.tokenUrl, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" }, body });
  if (!res.ok) throw await failure("The platform refused the tool's access token request", res);
  const json = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
  if (!json || typeof json.access_token !== "string" || !json.access_token) throw new SendError("The platform's token answer has no access_token.", true);
  const seconds = typeof json.expires_in === "number" && json.expires_in > 0 ? json.expires_in : 3600;
  return { value: json.access_token, expiresAt: now.getTime() + seconds * 1000 };
}

/** An access token for `scope` (the cached one while it lasts); throws SendError. */
export async function accessToken(db: PrismaClient, platform: PlatformRow, f: Fetch, now: Date, scope: string = AGS_SCOPE.score): Promise<string> {
  const key = `${platform.tokenUrl}\n${platform.clientId}\n${scope}`;
  const cached = tokens.get(key);
  if (cached) {
    const token = await cached.catch(() => null);
    if (token && token.expiresAt - EARLY_MS > now.getTime()) return token.value;
    if (tokens.get(key) === cached) tokens.delete(key);
  }
  let pending = tokens.get(key);
  if (!pending) {
    pending = fetchToken(db, platform, f, now, scope);
    tokens.set(key, pending);
    pending.catch(() => tokens.get(key) === pending && tokens.delete(key));
  }
  return (await pending).value;
}

/** Sends one score; throws SendError. */
export async function sendScore(db: PrismaClient, platform: PlatformRow, row: ScoreRow & { lineItemUrl: string }, options: SenderOptions = {}): Promise<void> {
  const f = options.fetch ?? fetch;
  const now = (options.now ?? (() => new Date()))();
  const token = await accessToken(db, platform, f, now);
  const res = await request(f, "the score", scoresUrl(row.lineItemUrl), {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": SCORE_CONTENT_TYPE },
    body: JSON.stringify(scorePayload(row)),
  });
  if (res.ok) {
    await res.arrayBuffer().catch(() => undefined);
    return;
  }
  // A token the platform no longer accepts: the next try gets a new one.
  if (res.status === 401) {
    forgetTokens();
    throw new SendError((await failure("The platform refused the access token", res)).message, true);
  }
  throw await failure("The platform refused the score", res);
}

const ROW = {
  id: true,
  platformId: true,
  lineItemId: true,
  lineItemUrl: true,
  userSub: true,
  scoreGiven: true,
  scoreMaximum: true,
  activityProgress: true,
  gradingProgress: true,
  timestamp: true,
  attempts: true,
  createdAt: true,
} as const;

/** A claimed row; `attempts` counts this try. */
type Claimed = ScoreRow & { id: string; platformId: string; lineItemId: string; lineItemUrl: string; attempts: number; createdAt: Date };

/**
 * Claims up to `limit` due rows in one conditional update: only rows still pending and due when
 * the update runs get this claim's token, a lease of LEASE_MS and one more try counted. Of two
 * workers claiming the same rows, each row goes to one (SQLite runs one write at a time;
 * PostgreSQL re-checks the condition on a row another update changed). Returns the rows claimed.
 */
export async function claimDue(db: PrismaClient, now: Date, limit = BATCH): Promise<Claimed[]> {
  const due = await db.ltiScoreOutbox.findMany({ where: { status: "pending", nextTryAt: { lte: now } }, orderBy: { nextTryAt: "asc" }, take: limit, select: { id: true } });
  if (!due.length) return [];
  const ids = due.map((d) => d.id);
  const claimToken = randomUUID();
  const { count } = await db.ltiScoreOutbox.updateMany({
    where: { id: { in: ids }, status: "pending", nextTryAt: { lte: now } },
    data: { claimToken, nextTryAt: new Date(now.getTime() + LEASE_MS), attempts: { increment: 1 } },
  });
  return count ? db.ltiScoreOutbox.findMany({ where: { id: { in: ids }, claimToken }, select: ROW }) : [];
}

/** Sends one claimed row; what became of it (the row is marked by the caller when sent). */
async function deliver(db: PrismaClient, row: Claimed, platform: PlatformRow | undefined, options: SenderOptions): Promise<ScoreStatus> {
  const now = (options.now ?? (() => new Date()))();
  const tries = row.attempts;
  try {
    if (!platform) throw new SendError("The learning platform is no longer registered.", false);
    await sendScore(db, platform, row, options);
    return "sent";
  } catch (error) {
    const reason = error instanceof SendError ? error : new SendError(`Could not send: ${error instanceof Error ? error.message : String(error)}`, true);
    const giveUp = !reason.retry || tries >= MAX_TRIES;
    const message = giveUp && reason.retry ? `${reason.message} (gave up after ${tries} tries)` : reason.message;
    await db.ltiScoreOutbox.update({
      where: { id: row.id },
      data: giveUp ? { status: "failed", lastError: message.slice(0, 500) } : { lastError: message.slice(0, 500), nextTryAt: new Date(now.getTime() + backoffMs(tries)) },
      select: { id: true },
    });
    return giveUp ? "failed" : "pending";
  }
}

/**
 * Sends every due row, BATCH at a time (a batch's rows at once), until none is due. A few
 * statements per batch, not per row: the claim, the newest score of each line item (older
 * ones are superseded, not sent), the platforms, and the rows sent. Returns how the rows ended.
 */
export async function sendDueScores(db: PrismaClient, options: SenderOptions = {}): Promise<Record<ScoreStatus, number>> {
  const done: Record<ScoreStatus, number> = { pending: 0, sent: 0, failed: 0, superseded: 0 };
  const clock = options.now ?? (() => new Date());
  for (let round = 0; round < 1000; round++) {
    const claimed = await claimDue(db, clock());
    if (!claimed.length) break;
    const newest = await db.ltiScoreOutbox.groupBy({ by: ["lineItemId"], where: { lineItemId: { in: [...new Set(claimed.map((r) => r.lineItemId))] } }, _max: { createdAt: true } });
    const newestOf = new Map(newest.map((n) => [n.lineItemId, n._max.createdAt?.getTime() ?? 0]));
    const superseded = claimed.filter((r) => (newestOf.get(r.lineItemId) ?? 0) > r.createdAt.getTime());
    if (superseded.length) await db.ltiScoreOutbox.updateMany({ where: { id: { in: superseded.map((r) => r.id) } }, data: { status: "superseded", nextTryAt: clock() } });
    done.superseded += superseded.length;
    const toSend = claimed.filter((r) => !superseded.includes(r));
    const platforms = await db.ltiPlatform.findMany({ where: { id: { in: [...new Set(toSend.map((r) => r.platformId))] } }, select: { id: true, tokenUrl: true, clientId: true } });
    const platformOf = new Map(platforms.map((p) => [p.id, p]));
    const results = await Promise.all(toSend.map((row) => deliver(db, row, platformOf.get(row.platformId), options)));
    const sent = toSend.filter((_, i) => results[i] === "sent").map((r) => r.id);
    if (sent.length) await db.ltiScoreOutbox.updateMany({ where: { id: { in: sent } }, data: { status: "sent", sentAt: clock(), lastError: null } });
    for (const r of results) done[r]++;
  }
  return done;
}

// The worker: one per process, found through globalThis (the app's bundles and
// instrumentation.ts may load this module separately).
type Worker = { kick(): void; stop(): void };
const WORKER = Symbol.for("behind-the-headline.lti-score-sender");
const holder = globalThis as unknown as { [WORKER]?: Worker };

/** Starts the sender in this process (once; later calls return the running one). */
export function startScoreWorker(db: PrismaClient, options: SenderOptions & { tickMs?: number; log?: (message: string) => void } = {}): Worker {
  const existing = holder[WORKER];
  if (existing) return existing;
  const log = options.log ?? ((m: string) => console.error(m));
  let running: Promise<void> | null = null;
  let again = false;
  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await sendDueScores(db, options);
      } while (again);
    })()
      .catch((error: unknown) => log(`LTI score sender: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(kick, options.tickMs ?? TICK_MS);
  timer.unref();
  const worker: Worker = {
    kick,
    stop() {
      clearInterval(timer);
      delete holder[WORKER];
    },
  };
  holder[WORKER] = worker;
  kick(); // rows left by the previous run of the server
  return worker;
}

/** Asks this process's sender to look for due rows now (does nothing when none runs here). Never waits. */
export function kickScoreSender(): void {
  holder[WORKER]?.kick();
}
