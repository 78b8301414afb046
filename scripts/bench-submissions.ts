// `npm run bench:submissions`: many students submitting quiz attempts at once to one
// production instance on SQLite — throughput, p50/p95/p99 latency, the server's peak memory,
// and a count proving no submission was lost or doubled — next to the same server's
// throughput for a static file at the same concurrency, the ceiling it cannot beat.
//   BENCH_USERS (200)  BENCH_CONCURRENCY (200)  BENCH_MAX_SECONDS (300)  BENCH_PORT (3251)
// Traffic goes only to 127.0.0.1. Results go to stdout; record them in docs/benchmarks.md.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, checkNode, fail, prepareDatabase, root, say } from "./lib/bootstrap.mjs";
import { latencySummary, runSetup } from "./bench/load";
import { peakMemoryMb, SECRET, startServer } from "./bench/server.mjs";

const USERS = Number(process.env.BENCH_USERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 300);
const PORT = Number(process.env.BENCH_PORT ?? 3251);
const STATIC_REQUESTS = 4000;

/** The same closed loop as the submissions, on a file Next.js serves from disk. */
async function staticCeiling(databaseUrl: string) {
  const css = readdirSync(path.join(root, ".next", "static", "chunks")).find((f) => f.endsWith(".css"));
  if (!css) fail("No built CSS file to fetch: run the production build first.");
  const server = await startServer({ port: PORT + 1, databaseUrl });
  const url = `${server.base}/_next/static/chunks/${css}`;
  for (let i = 0; i < 50; i++) await (await fetch(url)).arrayBuffer();
  const ms: number[] = [];
  let sent = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (sent < STATIC_REQUESTS) {
        sent++;
        const started = performance.now();
        try {
          const res = await fetch(url);
          await res.arrayBuffer();
          if (!res.ok) failed++;
        } catch {
          failed++;
        }
        ms.push(performance.now() - started);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const peak = peakMemoryMb(server.child.pid!);
  server.stop();
  ms.sort((a, b) => a - b);
  return {
    setup: `static file (${css}), same server`,
    ...latencySummary(ms, seconds),
    failed,
    peakMemoryMB: String(peak),
  };
}

checkNode();
buildIfStale({ ...process.env, NODE_ENV: "production" });
const dir = mkdtempSync(path.join(os.tmpdir(), "bth-bench-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const url = `file:${path.join(dir, "bench.db")}`;
prepareDatabase({ ...process.env, NEXTAUTH_SECRET: SECRET, DATABASE_URL: url }, ["--none"]);

const run = Date.now().toString(36);
const submissions = await runSetup(`SQLite, one instance, ${USERS} students`, url, [PORT], run, {
  users: USERS,
  concurrency: CONCURRENCY,
  maxSeconds: MAX_SECONDS,
  password: "bench-password-1",
});
const ceiling = await staticCeiling(url);

console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`Students ${USERS}, concurrency ${CONCURRENCY}\n`);
console.table([{ ...submissions, statuses: JSON.stringify(submissions.statuses) }, ceiling]);
if (submissions.lost || submissions.doubled || submissions.inconsistentReplies || !submissions.complete) {
  fail("Lost, doubled or inconsistent submissions, or an unfinished run.");
}
say(`No acknowledged submission was lost or stored twice (${submissions.acknowledgedSubmissions} acknowledged, ${submissions.storedAttempts} stored)`);
