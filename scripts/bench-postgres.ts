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
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { buildIfStale, checkNode, fail, prepareDatabase, root, say } from "./lib/bootstrap.mjs";
import { postgresInstalled, startCluster } from "./lib/postgres-cluster.mjs";
import { checkCourse } from "../server/content/lessons";
import { answerKey } from "../server/grading/grade";
import { createPrismaClient } from "../server/prisma-client";

const USERS = Number(process.env.BENCH_USERS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 24);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 180);
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3201);
const SECRET = "bench-secret-not-for-production-0123456789";
const PASSWORD = "bench-password-1";

type Job = { user: number; body: string; key: string; repeat: "none" | "retry" | "double" };
type Outcome = { status: number; ms: number; key: string; attemptNumber?: number };

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Every quiz of the course, with its correct answers, as the body of a submission. */
async function quizBodies(): Promise<((key: string) => string)[]> {
  const { lessons } = await checkCourse();
  return lessons
    .filter((l) => !l.frontmatter?.draft)
    .flatMap((l) =>
      l.quizzes.map((q) => {
        const answers = Object.fromEntries(q.questions.map((x) => [x.id, answerKey(x)]));
        return (submissionKey: string) => JSON.stringify({ lessonSlug: l.slug, quizId: q.id, submissionKey, answers });
      }),
    );
}

/** Every student submits every quiz once; every tenth submission is retried on the other
 * instance, every tenth other one double-clicked (sent to both at once). */
async function jobs(run: string): Promise<Job[]> {
  const bodies = await quizBodies();
  const out: Job[] = [];
  // Students interleaved, so that concurrent requests come from different students.
  bodies.forEach((body, i) => {
    for (let user = 0; user < USERS; user++) {
      const key = `bench-${run}-${user}-${i}`;
      const n = out.length;
      out.push({ user, key, body: body(key), repeat: n % 10 === 3 ? "retry" : n % 10 === 7 ? "double" : "none" });
    }
  });
  return out;
}

function startInstance(port: number, databaseUrl: string): ChildProcess {
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.on("exit", () => child.kill("SIGKILL"));
  return child;
}

async function waitUntilUp(port: number) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/me`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  fail(`The app on port ${port} did not start within 2 minutes.`);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => c.includes("session-token"));
  if (!session) fail(`Sign-in of ${email} failed (HTTP ${res.status}).`);
  return session;
}

async function runSetup(name: string, databaseUrl: string, ports: number[], run: string) {
  say(`${name}: preparing`);
  const db = createPrismaClient(databaseUrl);
  const passwordHash = await hash(PASSWORD);
  const emails = Array.from({ length: USERS }, (_, i) => `bench-${run}-${i}@example.org`);
  await db.user.createMany({ data: emails.map((email) => ({ email, name: "Bench Student", passwordHash })) });
  const instances = ports.map((port) => startInstance(port, databaseUrl));
  await Promise.all(ports.map(waitUntilUp));
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  const cookies: string[] = [];
  for (let i = 0; i < emails.length; i += 4) {
    const batch = emails.slice(i, i + 4).map((email, j) => signIn(bases[(i + j) % bases.length], email));
    cookies.push(...(await Promise.all(batch)));
  }
  const all = await jobs(run);
  // Warm every instance outside the measurement: each compiles a lesson on its first use and
  // opens its connections then. A separate student submits every quiz once on each.
  const warmEmail = `warm-${run}@example.org`;
  await db.user.create({ data: { email: warmEmail, name: "Warm-up", passwordHash } });
  for (const [b, base] of bases.entries()) {
    const cookie = await signIn(base, warmEmail);
    for (const [i, body] of (await quizBodies()).entries()) {
      await fetch(`${base}/api/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: body(`warm-${run}-${b}-${i}`) });
    }
  }

  say(`${name}: ${all.length} submissions (+ repeats) by ${USERS} students, ${CONCURRENCY} at a time, over ${ports.length} instance(s)`);
  const outcomes: Outcome[] = [];
  let next = 0;
  let turn = 0;
  const deadline = Date.now() + MAX_SECONDS * 1000;
  const post = async (base: string, job: Job): Promise<Outcome> => {
    const started = performance.now();
    try {
      const res = await fetch(`${base}/api/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie: cookies[job.user] }, body: job.body });
      const json = (await res.json()) as { attemptNumber?: number };
      return { status: res.status, ms: performance.now() - started, key: job.key, attemptNumber: json.attemptNumber };
    } catch {
      return { status: 0, ms: performance.now() - started, key: job.key };
    }
  };
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < all.length && Date.now() < deadline) {
        const job = all[next++];
        const here = bases[turn++ % bases.length];
        const there = bases[turn % bases.length];
        if (job.repeat === "double") {
          outcomes.push(...(await Promise.all([post(here, job), post(there, job)])));
        } else {
          outcomes.push(await post(here, job));
          if (job.repeat === "retry") outcomes.push(await post(there, job));
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;

  const acked = new Map<string, Set<number | undefined>>();
  for (const o of outcomes.filter((o) => o.status === 200)) acked.set(o.key, (acked.get(o.key) ?? new Set()).add(o.attemptNumber));
  const stored = await db.quizAttempt.findMany({ where: { user: { email: { startsWith: `bench-${run}-` } } }, select: { submissionKey: true } });
  const storedCount = new Map<string, number>();
  for (const s of stored) storedCount.set(s.submissionKey, (storedCount.get(s.submissionKey) ?? 0) + 1);
  const lost = [...acked.keys()].filter((k) => storedCount.get(k) !== 1).length;
  const doubled = [...storedCount.values()].filter((n) => n > 1).length;
  const inconsistentReplies = [...acked.values()].filter((numbers) => numbers.size !== 1).length;
  const statuses = Object.fromEntries([...new Set(outcomes.map((o) => o.status))].sort().map((s) => [s, outcomes.filter((o) => o.status === s).length]));
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  await db.$disconnect();
  await Promise.all(instances.map((c) => new Promise((r) => (c.once("exit", r), c.kill("SIGTERM")))));
  return {
    setup: name,
    requests: outcomes.length,
    seconds: Number(seconds.toFixed(1)),
    requestsPerSecond: Number((outcomes.length / seconds).toFixed(1)),
    p50ms: Math.round(percentile(ms, 50)),
    p95ms: Math.round(percentile(ms, 95)),
    p99ms: Math.round(percentile(ms, 99)),
    statuses,
    acknowledgedSubmissions: acked.size,
    storedAttempts: stored.length,
    lost,
    doubled,
    inconsistentReplies,
    complete: next >= all.length,
    /** The machine's 1-minute load average at the end: other work on it skews the figures. */
    load1m: Number(os.loadavg()[0].toFixed(1)),
  };
}

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
results.push(await runSetup("SQLite, one instance", sqliteUrl, [BASE_PORT], run));
// One instance on PostgreSQL too, to tell the database's share from the instances' share.
results.push(await runSetup("PostgreSQL, one instance", postgresUrl, [BASE_PORT + 1], `${run}p1`));
results.push(await runSetup("PostgreSQL, two instances", postgresUrl, [BASE_PORT + 1, BASE_PORT + 2], `${run}p2`));
cluster.stop();

console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, Node ${process.versions.node}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`Students ${USERS}, concurrency ${CONCURRENCY}\n`);
console.table(results.map(({ statuses, ...r }) => ({ ...r, statuses: JSON.stringify(statuses) })));
const bad = results.filter((r) => r.lost || r.doubled || r.inconsistentReplies || !r.complete);
if (bad.length) fail(`Lost, doubled or inconsistent submissions, or an unfinished run: ${bad.map((r) => r.setup).join(", ")}`);
say("No acknowledged submission was lost or stored twice");
