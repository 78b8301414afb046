// `npm run bench:postgres`: quiz submissions under load, two `next start` instances sharing one
// PostgreSQL 15 (a throwaway cluster with default durability) against one instance on SQLite
// (and one instance on PostgreSQL), in the same run. Every student signs in once (next-auth credentials, JWT cookie valid on
// both instances), then concurrent virtual students submit every quiz of the course, spread
// round-robin over the instances. Some submissions are sent twice with the same
// submissionKey — a retry to the other instance, or a double click reaching both at once — so
// the run checks that no acknowledged submission is lost and none is stored twice.
// Traffic goes only to 127.0.0.1. Results go to stdout; record them in docs/benchmarks.md.
//   BENCH_USERS (60)  BENCH_CONCURRENCY (24)  BENCH_MAX_SECONDS (180, per setup)
//   BENCH_PORT (3201: instances on BENCH_PORT, +1, +2)  PG_BIN, PG_PORT as for test:postgres
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, checkNode, fail, prepareDatabase, say } from "./lib/bootstrap.mjs";
import { postgresInstalled, startCluster } from "./lib/postgres-cluster.mjs";
import { runSetup, type LoadOptions } from "./bench/load";

const USERS = Number(process.env.BENCH_USERS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 24);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 180);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3201);
const SECRET = "bench-secret-not-for-production-0123456789";
const options: LoadOptions = { users: USERS, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS, password: "bench-password-1" };

checkNode();
if (!postgresInstalled()) fail("The benchmark needs PostgreSQL 15 (sudo apt-get install -y postgresql-15, or set PG_BIN).");
buildIfStale({ ...process.env, NODE_ENV: "production" });
const run = Date.now().toString(36);
const dir = mkdtempSync(path.join(os.tmpdir(), "bth-bench-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const quiet = { ...process.env, NEXTAUTH_SECRET: SECRET };

const sqliteUrl = `file:${path.join(dir, "bench.db")}`;
prepareDatabase({ ...quiet, DATABASE_URL: sqliteUrl }, ["--none"]);
const cluster = await startCluster({ durable: true });
const postgresUrl = cluster.createDatabase("bth_bench");
prepareDatabase({ ...quiet, DATABASE_URL: postgresUrl }, ["--none"]);

const results = [];
results.push(await runSetup("SQLite, one instance", sqliteUrl, [BASE_PORT], run, options));
// One instance on PostgreSQL too, to tell the database's share from the instances' share.
results.push(await runSetup("PostgreSQL, one instance", postgresUrl, [BASE_PORT + 1], `${run}p1`, options));
results.push(await runSetup("PostgreSQL, two instances", postgresUrl, [BASE_PORT + 1, BASE_PORT + 2], `${run}p2`, options));
cluster.stop();

console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`Students ${USERS}, concurrency ${CONCURRENCY}\n`);
// (loadWindowUs is for CPU profiles, which this benchmark does not take.)
console.table(results.map(({ statuses, loadWindowUs, ...r }) => (void loadWindowUs, { ...r, statuses: JSON.stringify(statuses) })));
const bad = results.filter((r) => r.lost || r.doubled || r.inconsistentReplies || !r.complete);
if (bad.length) fail(`Lost, doubled or inconsistent submissions, or an unfinished run: ${bad.map((r) => r.setup).join(", ")}`);
say("No acknowledged submission was lost or stored twice");
