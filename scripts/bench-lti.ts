// `npm run bench:lti`: a class opening the tool from its LMS at once. One production instance on
// SQLite and the test platform (e2e/lti/platform.ts) on 127.0.0.1; an instructor launches first
// (the class is made, the platform's keys fetched), then BENCH_USERS students each run the
// whole launch — the login (GET /api/lti/login) and the launch (POST /api/lti/launch with the
// signed id_token) — all at the same moment. Reports p50/p95/p99 of each step as the client
// saw it and of the launch's server time (Server-Timing "total", SERVER_TIMING=1), the
// statuses, and a check that every student got exactly one account and one enrolment.
//   BENCH_USERS (200)  BENCH_PORT (3251)  LTI_PLATFORM_PORT (BENCH_PORT + 4)
// `npm run bench:lti -- passback`: grades back to the LMS with the platform answering each score
// slowly (BENCH_SCORE_DELAY_MS, 500). BENCH_USERS students launch from a link without a
// gradebook column and as many from a graded one (the AGS claim: the launch keeps its line
// item); then, BENCH_CONCURRENCY (10) at a time, every student submits the unit quiz once to
// warm up (the graded group's scores are sent), the first group submits again (nothing to
// send), the second (each submission queues a score, the sender starts sending), and the
// first again while those scores are still on their way. Reports the submission latency of
// each round (client and Server-Timing), and how long the platform took to receive every score
// (each exactly once).
// Results go to stdout; record them in docs/benchmarks.md with the load average. Exits non-zero
// only when a launch failed or made the wrong rows: never on a timing.
import { createPrismaClient } from "../server/prisma-client";
import { checkNode, fail, say } from "./lib/bootstrap.mjs";
import { latencySummary, percentile } from "./bench/load";
import { scratchDatabase, startServer } from "./bench/server.mjs";
import { ROLES, startPlatform, type LaunchSpec, type TokenOptions } from "../e2e/lti/platform";

const MODE = process.argv[2] === "passback" ? "passback" : "launch";
const USERS = Number(process.env.BENCH_USERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const SCORE_DELAY_MS = Number(process.env.BENCH_SCORE_DELAY_MS ?? 500);
const PORT = Number(process.env.BENCH_PORT ?? 3251);
const PLATFORM_PORT = Number(process.env.LTI_PLATFORM_PORT ?? PORT + 4);

checkNode();
const database = scratchDatabase();
const platform = await startPlatform(PLATFORM_PORT);
const db = createPrismaClient(database.url);
await db.ltiPlatform.create({
  data: {
    name: "Bench LMS",
    issuer: platform.issuer,
    clientId: platform.clientId,
    authUrl: platform.urls.auth,
    tokenUrl: platform.urls.token,
    jwksUrl: platform.urls.jwks,
    deployments: { create: [{ deploymentId: platform.deploymentId }] },
  },
});
const server = await startServer({ port: PORT, databaseUrl: database.url, env: { SERVER_TIMING: "1" } });

/** One whole launch: its login and launch latencies, the launch's server time and status. */
async function launchOnce(who: LaunchSpec, claims?: TokenOptions["claims"]) {
  const query = new URLSearchParams({ iss: platform.issuer, login_hint: who.sub, target_link_uri: who.targetLinkUri, client_id: platform.clientId });
  let t = performance.now();
  const login = await fetch(`${server.base}/api/lti/login?${query}`, { redirect: "manual" });
  const loginMs = performance.now() - t;
  const auth = new URL(login.headers.get("location") ?? "http://invalid/");
  const state = auth.searchParams.get("state") ?? "";
  const cookie = (login.headers.getSetCookie()[0] ?? "").split(";")[0];
  const idToken = await platform.idToken(who, { nonce: auth.searchParams.get("nonce") ?? "", claims });
  t = performance.now();
  const launch = await fetch(`${server.base}/api/lti/launch`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, Origin: platform.issuer },
    body: new URLSearchParams({ id_token: idToken, state }),
  });
  await launch.arrayBuffer();
  const launchMs = performance.now() - t;
  const serverMs = Number(/total;dur=([\d.]+)/.exec(launch.headers.get("server-timing") ?? "")?.[1] ?? NaN);
  // The app's session cookie (the launch also clears the state cookie).
  const session = launch.headers.getSetCookie().map((c) => c.split(";")[0]).filter((c) => !/lti-state/.test(c) && !/=$/.test(c)).join("; ");
  return { loginStatus: login.status, launchStatus: launch.status, loginMs, launchMs, serverMs, session };
}

const sorted = (xs: number[]) => xs.filter(Number.isFinite).sort((a, b) => a - b);

/** Each session submits the unit quiz once, CONCURRENCY at a time: client latencies and server times. */
async function submitAll(sessions: string[], round: string) {
  const client: number[] = [];
  const serverMs: number[] = [];
  const statuses: Record<number, number> = {};
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < sessions.length) {
        const cookie = sessions[next++];
        const started = performance.now();
        const res = await fetch(`${server.base}/api/attempts`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify({ lessonSlug: "lone-wolf", quizId: "lone-wolf-quiz", submissionKey: `bench-${round}-${next}-${Math.random().toString(36).slice(2)}`, answers: {} }),
        });
        await res.arrayBuffer();
        client.push(performance.now() - started);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        serverMs.push(Number(/total;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN));
      }
    }),
  );
  return { client: sorted(client), server: sorted(serverMs), seconds: (performance.now() - t0) / 1000, statuses };
}

async function passback(base: { contextId: string; targetLinkUri: string }) {
  platform.trustTool(`${server.base}/api/lti/jwks`);
  platform.scoreAnswer({ delayMs: SCORE_DELAY_MS });
  const custom = { unit: "lone-wolf" };
  say(`${USERS} students launching from an ungraded link, ${USERS} from a graded one`);
  const noAgs = { "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": undefined };
  const plain = await Promise.all(Array.from({ length: USERS }, (_, i) => launchOnce({ ...base, custom, sub: `bench-plain-${i}`, name: `Plain ${i}`, roles: ROLES.learner }, noAgs)));
  const graded = await Promise.all(Array.from({ length: USERS }, (_, i) => launchOnce({ ...base, custom, sub: `bench-graded-${i}`, name: `Graded ${i}`, roles: ROLES.learner })));
  if ([...plain, ...graded].some((r) => r.launchStatus !== 303 || !r.session)) fail("Some launches failed.");
  const items = await db.ltiLineItem.count();
  say(`line items kept: ${items} (of ${USERS} graded launches)`);

  // Both groups' first attempts (which also complete the unit) are not counted; the graded
  // group's scores are sent before the rounds begin.
  say("warm-up: every student submits once (not counted); the graded group's scores are sent");
  await submitAll(plain.map((r) => r.session), "warm-up");
  await submitAll(graded.map((r) => r.session), "warm-up");
  const warm = performance.now();
  while ((await db.ltiScoreOutbox.count({ where: { status: "sent" } })) < USERS && performance.now() - warm < 10 * 60_000) await new Promise((r) => setTimeout(r, 100));
  const before = platform.scores().length;
  say(`round 1: the ungraded students submit (${CONCURRENCY} at a time): nothing to send`);
  const without = await submitAll(plain.map((r) => r.session), "without");
  say(`round 2: the graded students submit again: each queues a score; the platform takes ${SCORE_DELAY_MS} ms to answer each`);
  const t0 = performance.now();
  const withScores = await submitAll(graded.map((r) => r.session), "with");
  const pendingAfter = await db.ltiScoreOutbox.count({ where: { status: "pending" } });
  say(`round 3: the ungraded students submit again while ${pendingAfter} scores are still waiting or on their way`);
  const during = await submitAll(plain.map((r) => r.session), "during");
  while (platform.scores().length < before + USERS && performance.now() - t0 < 10 * 60_000) await new Promise((r) => setTimeout(r, 100));
  // The sender marks a row sent just after the platform answered.
  while ((await db.ltiScoreOutbox.count({ where: { status: "sent" } })) < 2 * USERS && performance.now() - t0 < 10 * 60_000) await new Promise((r) => setTimeout(r, 100));
  const received = platform.scores().slice(before);
  const drainSeconds = (Math.max(...received.map((r) => r.at)) - (performance.timeOrigin + t0)) / 1000;
  const row = (r: Awaited<ReturnType<typeof submitAll>>) => ({
    ...latencySummary(r.client, r.seconds),
    "server p50 ms": Math.round(percentile(r.server, 50)),
    "server p95 ms": Math.round(percentile(r.server, 95)),
    statuses: JSON.stringify(r.statuses),
  });
  console.table({
    "1. ungraded, nothing pending": row(without),
    "2. graded: each queues a score": row(withScores),
    [`3. ungraded, ${pendingAfter} scores pending`]: row(during),
  });
  const users = new Set(received.map((r) => r.body.userId));
  const sent = (await db.ltiScoreOutbox.count({ where: { status: "sent" } })) - USERS;
  console.log(
    `scores received by the platform: ${received.length} (${users.size} students, each once: ${received.length === users.size}); outbox rows sent: ${sent}; ` +
      `tokens issued: ${platform.tokensIssued()}; all received ${drainSeconds.toFixed(1)} s after round 2 began: ${(received.length / drainSeconds).toFixed(1)} scores a second with ${SCORE_DELAY_MS} ms per score`,
  );
  if (received.length !== USERS || users.size !== USERS || sent !== USERS || [without, withScores, during].some((r) => Object.keys(r.statuses).some((k) => k !== "200"))) fail("Some submissions failed or scores were not received exactly once (see above).");
}

try {
  const base = { contextId: "bench-course", targetLinkUri: `${server.base}/lessons/lone-wolf` };
  const teacher = await launchOnce({ ...base, sub: "bench-teacher", name: "Bench Teacher", roles: ROLES.instructor });
  if (teacher.launchStatus !== 303) fail(`The instructor's launch answered ${teacher.launchStatus}.`);
  if (MODE === "passback") {
    await passback(base);
  } else {
    // Tokens are signed by the platform inside launchOnce, as an LMS would between the two steps.
    say(`${USERS} students launching at once`);
    const t0 = performance.now();
    const results = await Promise.all(Array.from({ length: USERS }, (_, i) => launchOnce({ ...base, sub: `bench-student-${i}`, name: `Student ${i}`, roles: ROLES.learner })));
    const seconds = (performance.now() - t0) / 1000;
    const statuses = (key: "loginStatus" | "launchStatus") => Object.entries(results.reduce<Record<number, number>>((n, r) => ({ ...n, [r[key]]: (n[r[key]] ?? 0) + 1 }), {}));
    const serverMs = sorted(results.map((r) => r.serverMs));
    console.table({
      "login (GET /api/lti/login)": { ...latencySummary(sorted(results.map((r) => r.loginMs)), seconds), statuses: JSON.stringify(statuses("loginStatus")) },
      "launch (POST /api/lti/launch)": { ...latencySummary(sorted(results.map((r) => r.launchMs)), seconds), statuses: JSON.stringify(statuses("launchStatus")) },
    });
    console.log(`launch server time (Server-Timing total): p50 ${Math.round(percentile(serverMs, 50))} ms, p95 ${Math.round(percentile(serverMs, 95))} ms, p99 ${Math.round(percentile(serverMs, 99))} ms; whole burst ${seconds.toFixed(1)} s`);
    const [accounts, enrolments] = await Promise.all([
      db.ltiUserLink.count({ where: { issuer: platform.issuer, sub: { startsWith: "bench-student-" } } }),
      db.enrollment.count({ where: { class: { ltiContexts: { some: { contextId: "bench-course" } } } } }),
    ]);
    console.log(`accounts made: ${accounts} of ${USERS}; enrolments: ${enrolments} of ${USERS}`);
    if (results.some((r) => r.launchStatus !== 303) || accounts !== USERS || enrolments !== USERS) fail("Some launches failed or made the wrong rows (see above).");
  }
} finally {
  server.stop();
  await platform.stop();
  await db.$disconnect();
  database.cleanup();
}
