// `npm run bench:submissions`: many students submitting quiz attempts at once to one
// production instance on SQLite, next to two baselines on the same server in the same run —
// an authenticated no-op JSON route (GET /api/me: reads the session and the user, returns a
// few fields) and a static file — so the table shows what a submission costs beyond what any
// signed-in request and any request at all cost. Each run reports throughput, p50/p95/p99
// latency, the statuses (503 = the server asked the client to retry; 0 = no answer in four
// sends: a request whose connection fails is sent again with the same key, as a student would,
// and counted), the server's peak memory, and a count proving no submission was lost or
// doubled; the table gives the median of BENCH_RUNS runs. Then one request at a time with SERVER_TIMING=1: where a submission's time
// goes, stage by stage (server/http/timing.ts), and what is left outside the route handler.
//   BENCH_USERS (200)  BENCH_CONCURRENCY (200)  BENCH_RUNS (3)  BENCH_MAX_SECONDS (300)
//   BENCH_PORT (3251)  BENCH_CPU_PROFILE=1 (one more run under node --cpu-prof, summarised; not
//   in the table)  BENCH_CONNECTIONS=1 (when the server took in the measured load's new
//   connections, per run: scripts/bench/connection-hook.mjs)
// Traffic goes only to 127.0.0.1. Results go to stdout; record them in docs/benchmarks.md.
// Exits non-zero only when a submission was lost, doubled or answered inconsistently, or a
// run did not finish: never on a timing.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { createPrismaClient } from "../server/prisma-client";
import { buildIfStale, checkNode, fail, prepareDatabase, root, say } from "./lib/bootstrap.mjs";
import { closedLoop, median, quizBodies, runSetup } from "./bench/load";
import { summariseCpuProfiles } from "./bench/cpu-profile";
import { peakMemoryMb, SECRET, signIn, startServer } from "./bench/server.mjs";

const USERS = Number(process.env.BENCH_USERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3251);
const BASELINE_REQUESTS = 4000;
const PASSWORD = "bench-password-1";

/** The two baselines on one server: GET /api/me as a signed-in student, and a static CSS file. */
async function baselines(databaseUrl: string, run: string) {
  const css = readdirSync(path.join(root, ".next", "static", "chunks")).find((f) => f.endsWith(".css"));
  if (!css) fail("No built CSS file to fetch: run the production build first.");
  const db = createPrismaClient(databaseUrl);
  const email = `noop-${run}@example.org`;
  await db.user.create({ data: { email, name: "No-op Student", passwordHash: await hash(PASSWORD) } });
  await db.$disconnect();
  const server = await startServer({ port: PORT + 1, databaseUrl });
  const cookie = await signIn(server.base, email, PASSWORD);
  const noop = await closedLoop(`${server.base}/api/me`, { cookie }, BASELINE_REQUESTS, CONCURRENCY);
  const file = await closedLoop(`${server.base}/_next/static/chunks/${css}`, {}, BASELINE_REQUESTS, CONCURRENCY);
  const peak = peakMemoryMb(server.child.pid!);
  server.stop();
  return [
    { setup: "authenticated no-op (GET /api/me)", ...noop, peakMemoryMB: peak },
    { setup: "static file, same server", ...file, peakMemoryMB: peak },
  ];
}

/**
 * One submission at a time, with Server-Timing on: the mean of each stage the app records,
 * the server's total, and the client's latency. The difference is Next.js's own work before
 * and after the route handler, plus the HTTP round trip on loopback.
 */
async function stageCosts(databaseUrl: string, run: string) {
  const db = createPrismaClient(databaseUrl);
  const bodies = await quizBodies();
  const students = Math.max(1, Math.ceil(300 / bodies.length));
  const passwordHash = await hash(PASSWORD);
  const emails = Array.from({ length: students }, (_, i) => `stage-${run}-${i}@example.org`);
  await db.user.createMany({ data: emails.map((email) => ({ email, name: "Stage Student", passwordHash, assessmentOrder: "AB" })) });
  await db.$disconnect();
  const server = await startServer({ port: PORT + 2, databaseUrl, env: { SERVER_TIMING: "1" } });
  const cookies = [];
  for (const email of emails) cookies.push(await signIn(server.base, email, PASSWORD));
  const spans = new Map<string, number[]>();
  const client: number[] = [];
  for (let round = 0; round < 2; round++) {
    // Round 0 warms the server (each quiz's first use compiles and stores its versions).
    for (const [s, cookie] of cookies.entries()) {
      for (const [i, body] of bodies.entries()) {
        if (round === 0 && s > 0) continue;
        const key = `stage-${run}-${round}-${s}-${i}`;
        const started = performance.now();
        const res = await fetch(`${server.base}/api/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: body(key) });
        await res.arrayBuffer();
        const ms = performance.now() - started;
        if (round === 0 || res.status !== 200) continue;
        client.push(ms);
        for (const part of (res.headers.get("server-timing") ?? "").split(",")) {
          const m = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
          if (m) spans.set(m[1], [...(spans.get(m[1]) ?? []), Number(m[2])]);
        }
      }
    }
  }
  server.stop();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const total = mean(spans.get("total") ?? [0]);
  const rows = [...spans].filter(([name]) => name !== "total").map(([name, xs]) => ({ stage: name, meanMs: Number(mean(xs).toFixed(2)), share: `${Math.round((mean(xs) / mean(client)) * 100)}%` }));
  rows.push({ stage: "route total (server)", meanMs: Number(total.toFixed(2)), share: `${Math.round((total / mean(client)) * 100)}%` });
  rows.push({ stage: "outside the route: Next.js + HTTP", meanMs: Number((mean(client) - total).toFixed(2)), share: `${Math.round(((mean(client) - total) / mean(client)) * 100)}%` });
  rows.push({ stage: "client latency", meanMs: Number(mean(client).toFixed(2)), share: "100%" });
  return { requests: client.length, rows };
}

checkNode();
buildIfStale({ ...process.env, NODE_ENV: "production" });
const dir = mkdtempSync(path.join(os.tmpdir(), "bth-bench-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const url = `file:${path.join(dir, "bench.db")}`;
prepareDatabase({ ...process.env, NEXTAUTH_SECRET: SECRET, DATABASE_URL: url }, ["--none"]);

type Row = Record<string, string | number | boolean>;
const runs: Row[][] = [];
let profileWindow: [number, number] | undefined;
const profileDir = process.env.BENCH_CPU_PROFILE === "1" ? path.join(dir, "cpu-profiles") : null;
// With BENCH_CPU_PROFILE=1, one more run first, under the profiler (which slows the server by a
// third): its profile is summarised at the end, its figures are not in the table.
for (let r = profileDir ? -1 : 0; r < RUNS; r++) {
  const profiled = r === -1;
  const run = `${Date.now().toString(36)}r${r + 1}`;
  const cpuProf = profiled ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] } : {};
  const submissions = await runSetup(`submissions, ${USERS} students${profiled ? " (profiled)" : ""}`, url, [PORT], run, { users: USERS, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS, password: PASSWORD }, cpuProf);
  if (submissions.lost || submissions.doubled || submissions.inconsistentReplies || !submissions.complete) {
    console.table([{ ...submissions, statuses: JSON.stringify(submissions.statuses) }]);
    fail("Lost, doubled or inconsistent submissions, or an unfinished run.");
  }
  say(`${profiled ? "Profiled run" : `Run ${r + 1} of ${RUNS}`}: no acknowledged submission lost or stored twice (${submissions.acknowledgedSubmissions} acknowledged, ${submissions.storedAttempts} stored)`);
  const { loadWindowUs, ...row } = submissions;
  if (profiled) {
    profileWindow = loadWindowUs;
    continue;
  }
  runs.push([{ ...row, statuses: JSON.stringify(row.statuses) }, ...(await baselines(url, run))]);
}

const setups = runs[0].map((row) => String(row.setup));
const table = setups.map((setup, i) => {
  const all = runs.map((rows) => rows[i]);
  const med = (key: string) => median(all.map((row) => Number(row[key])));
  return {
    setup,
    "req/s (median)": med("requestsPerSecond"),
    "p50 ms": med("p50ms"),
    "p95 ms": med("p95ms"),
    "p99 ms": med("p99ms"),
    "p99 after the first burst": all[0].p99AfterBurstMs === undefined ? "—" : med("p99AfterBurstMs"),
    "peak MB": med("peakMemoryMB"),
    "req/s each run": all.map((row) => row.requestsPerSecond).join(" / "),
  };
});
const [sub, noop, file] = table;
console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`Students ${USERS}, concurrency ${CONCURRENCY}, median of ${RUNS} run(s)\n`);
console.table(table);
console.log(
  `Submissions: ${Math.round((sub["req/s (median)"] / noop["req/s (median)"]) * 100)}% of the no-op route's throughput, ` +
    `${Math.round((sub["req/s (median)"] / file["req/s (median)"]) * 100)}% of the static file's; p99 = ${(sub["p99 ms"] / sub["p50 ms"]).toFixed(1)} × p50`,
);
console.log("Statuses per run:", runs.map((rows) => rows[0].statuses).join("  "));
console.log("Sent again after a connection error, per run:", runs.map((rows) => rows[0].resentAfterError).join("  "));
if (runs[0][0].connections) console.log("New connections taken in, per run:", runs.map((rows) => rows[0].connections).join("; "));

const stages = await stageCosts(url, Date.now().toString(36));
console.log(`\nOne submission at a time (${stages.requests} requests, Server-Timing):`);
console.table(stages.rows);
if (profileDir) {
  const profile = summariseCpuProfiles(profileDir, profileWindow);
  console.log("\nCPU profile of the profiled run's submissions, from the first to the last (self time by where the code lives):");
  console.table(profile.byPlace);
  console.log("Busiest functions:");
  console.table(profile.topFunctions);
}
