// `npm run bench:lti`: a class opening the tool from its LMS at once. One production instance on
// SQLite and the test platform (e2e/lti/platform.ts) on 127.0.0.1; an instructor launches first
// (the class is made, the platform's keys fetched), then BENCH_USERS students each run the
// whole launch — the login (GET /api/lti/login) and the launch (POST /api/lti/launch with the
// signed id_token) — all at the same moment. Reports p50/p95/p99 of each step as the client
// saw it and of the launch's server time (Server-Timing "total", SERVER_TIMING=1), the
// statuses, and a check that every student got exactly one account and one enrolment.
//   BENCH_USERS (200)  BENCH_PORT (3251)  LTI_PLATFORM_PORT (BENCH_PORT + 4)
// Results go to stdout; record them in docs/benchmarks.md with the load average. Exits non-zero
// only when a launch failed or made the wrong rows: never on a timing.
import { createPrismaClient } from "../server/prisma-client";
import { checkNode, fail, say } from "./lib/bootstrap.mjs";
import { latencySummary, percentile } from "./bench/load";
import { scratchDatabase, startServer } from "./bench/server.mjs";
import { ROLES, startPlatform, type LaunchSpec } from "../e2e/lti/platform";

const USERS = Number(process.env.BENCH_USERS ?? 200);
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
async function launchOnce(who: LaunchSpec) {
  const query = new URLSearchParams({ iss: platform.issuer, login_hint: who.sub, target_link_uri: who.targetLinkUri, client_id: platform.clientId });
  let t = performance.now();
  const login = await fetch(`${server.base}/api/lti/login?${query}`, { redirect: "manual" });
  const loginMs = performance.now() - t;
  const auth = new URL(login.headers.get("location") ?? "http://invalid/");
  const state = auth.searchParams.get("state") ?? "";
  const cookie = (login.headers.getSetCookie()[0] ?? "").split(";")[0];
  const idToken = await platform.idToken(who, { nonce: auth.searchParams.get("nonce") ?? "" });
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
  return { loginStatus: login.status, launchStatus: launch.status, loginMs, launchMs, serverMs };
}

try {
  const base = { contextId: "bench-course", targetLinkUri: `${server.base}/lessons/lone-wolf` };
  const teacher = await launchOnce({ ...base, sub: "bench-teacher", name: "Bench Teacher", roles: ROLES.instructor });
  if (teacher.launchStatus !== 303) fail(`The instructor's launch answered ${teacher.launchStatus}.`);
  // Tokens are signed by the platform inside launchOnce, as an LMS would between the two steps.
  say(`${USERS} students launching at once`);
  const t0 = performance.now();
  const results = await Promise.all(Array.from({ length: USERS }, (_, i) => launchOnce({ ...base, sub: `bench-student-${i}`, name: `Student ${i}`, roles: ROLES.learner })));
  const seconds = (performance.now() - t0) / 1000;
  const sorted = (xs: number[]) => xs.filter(Number.isFinite).sort((a, b) => a - b);
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
} finally {
  server.stop();
  await platform.stop();
  await db.$disconnect();
  database.cleanup();
}
