// The load generator shared by the submission benchmarks (scripts/bench-submissions.ts,
// scripts/bench-postgres.ts): students submitting quizzes to running app instances, with
// retries and double-clicks, and the count of what was lost or doubled. Bounded in count and
// time; traffic only to 127.0.0.1.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { hash } from "@node-rs/argon2";
import { say } from "../lib/bootstrap.mjs";
import { isPublished } from "../../lib/units";
import { checkCourse } from "../../server/content/lessons";
import { answerKey } from "../../questions/server";
import { createPrismaClient } from "../../server/prisma-client";
import { peakMemoryMb, signIn, startServer } from "./server.mjs";

type Job = { user: number; body: string; key: string; repeat: "none" | "retry" | "double" };
/** `sent`: the request's place in the order they were sent (0 = first). */
type Outcome = { status: number; ms: number; key: string; attemptNumber?: number; sent: number; timing?: string | null };

// The measured requests go through node:http with a keep-alive agent, not fetch: with fetch
// (undici, Node 20) the load generator itself held back requests while it opened 200
// connections at once — against a bare node:http server doing 1.5 ms of work per request,
// the first 200 requests' p95 was 2.5 s with fetch and 0.3 s with node:http, from the same
// server (docs/benchmarks.md, issue 16). A class's browsers each open their own connection.
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

type Answer = { status: number; headers: http.IncomingHttpHeaders; text: string };

/** One request to 127.0.0.1, its body read whole. */
export function send(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? "GET", headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(init.body);
  });
}

/** Request count, rate and latency percentiles of one measured run (`ms` sorted ascending). */
export function latencySummary(ms: number[], seconds: number) {
  return {
    requests: ms.length,
    seconds: Number(seconds.toFixed(1)),
    requestsPerSecond: Number((ms.length / seconds).toFixed(1)),
    p50ms: Math.round(percentile(ms, 50)),
    p95ms: Math.round(percentile(ms, 95)),
    p99ms: Math.round(percentile(ms, 99)),
  };
}

export function median(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * `requests` GETs of one URL, `concurrency` at a time in a closed loop (each virtual client
 * sends its next request when the last is answered): the baselines next to the submissions.
 */
export async function closedLoop(url: string, headers: Record<string, string>, requests: number, concurrency: number) {
  for (let i = 0; i < 50; i++) await send(url, { headers });
  const ms: number[] = [];
  let sent = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (sent < requests) {
        sent++;
        const started = performance.now();
        try {
          const res = await send(url, { headers });
          if (res.status !== 200) failed++;
        } catch {
          failed++;
        }
        ms.push(performance.now() - started);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return { ...latencySummary(ms.sort((a, b) => a - b), seconds), failed };
}

export function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

/** Every quiz of the course, with its correct answers, as the body of a submission. */
export async function quizBodies(): Promise<((key: string) => string)[]> {
  const { lessons } = await checkCourse();
  return lessons
    .filter(isPublished)
    .flatMap((l) =>
      l.quizzes.map((q) => {
        const answers = Object.fromEntries(q.questions.map((x) => [x.id, answerKey(x)]));
        return (submissionKey: string) => JSON.stringify({ lessonSlug: l.slug, quizId: q.id, submissionKey, answers });
      }),
    );
}

/** Every student submits every quiz once; every tenth submission is retried on the other
 * instance, every tenth other one double-clicked (sent to both at once). */
async function jobs(run: string, users: number): Promise<Job[]> {
  const bodies = await quizBodies();
  const out: Job[] = [];
  // Students interleaved, so that concurrent requests come from different students.
  bodies.forEach((body, i) => {
    for (let user = 0; user < users; user++) {
      const key = `bench-${run}-${user}-${i}`;
      const n = out.length;
      out.push({ user, key, body: body(key), repeat: n % 10 === 3 ? "retry" : n % 10 === 7 ? "double" : "none" });
    }
  });
  return out;
}

/**
 * From the connection hook's times (ms on the wall clock): how many new connections the server
 * took in within 100 ms of the measured load's start, and when it took in the last of them.
 */
function takenIn(file: string, startMs: number) {
  const after = (existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean).map(Number) : []).map((t) => t - startMs).filter((t) => t >= 0);
  return `${after.filter((t) => t <= 100).length} of ${after.length} within 100 ms, the last after ${Math.round(Math.max(0, ...after))} ms`;
}

export type LoadOptions = { users: number; concurrency: number; maxSeconds: number; password: string };

/**
 * One measured run: `users` students (created directly in the database) submit every quiz of
 * the course once, `concurrency` requests at a time, spread over the app instances on
 * `ports`; every tenth submission is retried on another instance and every tenth other one
 * double-clicked. Afterwards it counts, from the database, what was acknowledged, stored,
 * lost or doubled, and reads each instance's peak memory.
 */
export async function runSetup(name: string, databaseUrl: string, ports: number[], run: string, o: LoadOptions, server: { env?: Record<string, string>; nodeArgs?: string[] } = {}) {
  say(`${name}: preparing`);
  const db = createPrismaClient(databaseUrl);
  const passwordHash = await hash(o.password);
  const emails = Array.from({ length: o.users }, (_, i) => `bench-${run}-${i}@example.org`);
  // Form A before the course, B after (server/quiz/forms.ts): each assessment unit's own quiz.
  await db.user.createMany({ data: emails.map((email) => ({ email, name: "Bench Student", passwordHash, assessmentOrder: "AB" })) });
  // A trace records each request's stages too (Server-Timing, server/http/timing.ts).
  const traced = process.env.BENCH_TRACE ? { ...server, env: { ...server.env, SERVER_TIMING: "1" } } : server;
  // BENCH_CONNECTIONS=1: when the server took in each new connection (scripts/bench/connection-hook.mjs).
  const connectionsDir = process.env.BENCH_CONNECTIONS === "1" ? mkdtempSync(path.join(os.tmpdir(), "bth-connections-")) : null;
  const hooked = connectionsDir
    ? {
        ...traced,
        env: {
          ...traced.env,
          NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.join(import.meta.dirname, "connection-hook.mjs")}`.trim(),
          BENCH_CONNECTIONS_FILE: path.join(connectionsDir, "times.txt"),
        },
      }
    : traced;
  const instances = await Promise.all(ports.map((port) => startServer({ port, databaseUrl, ...hooked })));
  const bases = instances.map((i) => i.base);
  const cookies: string[] = [];
  for (let i = 0; i < emails.length; i += 4) {
    const batch = emails.slice(i, i + 4).map((email, j) => signIn(bases[(i + j) % bases.length], email, o.password));
    cookies.push(...(await Promise.all(batch)));
  }
  const all = await jobs(run, o.users);
  // Warm every instance outside the measurement, as a server that has been up for a lesson is:
  // each compiles a lesson on its first use and opens its connections then, and V8 optimises
  // the code only after it has run many times (with a dozen warm-up submissions, the first 200
  // measured ones ran ~5 times slower than the rest). BENCH_WARM_STUDENTS students (10) submit
  // every quiz once on each instance first.
  const warmStudents = Number(process.env.BENCH_WARM_STUDENTS ?? 10);
  const warmEmails = Array.from({ length: warmStudents }, (_, i) => `warm-${run}-${i}@example.org`);
  await db.user.createMany({ data: warmEmails.map((email) => ({ email, name: "Warm-up", passwordHash, assessmentOrder: "AB" })) });
  for (const [b, base] of bases.entries()) {
    for (const [w, email] of warmEmails.entries()) {
      const cookie = await signIn(base, email, o.password);
      for (const [i, body] of (await quizBodies()).entries()) {
        const res = await fetch(`${base}/api/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie }, body: body(`warm-${run}-${b}-${w}-${i}`) });
        await res.arrayBuffer();
      }
    }
  }

  say(`${name}: ${all.length} submissions (+ repeats) by ${o.users} students, ${o.concurrency} at a time, over ${ports.length} instance(s)`);
  const outcomes: Outcome[] = [];
  let next = 0;
  let turn = 0;
  const deadline = Date.now() + o.maxSeconds * 1000;
  // As the browser does (components/quiz/QuizForm.tsx): a 503 with Retry-After is sent again,
  // with the same submission key, after the time it asks for. The latency is the student's
  // whole wait, from the first send to the answer.
  let busyAnswers = 0;
  // A request whose connection failed under it (a kept-alive socket the server had just
  // closed) gets no answer; the page then says "submit again" and the student does, with the
  // same key (lib/send-attempt.ts): so does the virtual student, up to three times.
  let resentAfterError = 0;
  let sentCount = 0;
  const post = async (base: string, job: Job): Promise<Outcome> => {
    const started = performance.now();
    const sent = sentCount++;
    try {
      // Two budgets: sends after a connection error (3) and retries after a 503 (10).
      for (let errors = 0, busy = 0; ; ) {
        let res: Answer;
        try {
          res = await send(`${base}/api/attempts`, { method: "POST", headers: { "content-type": "application/json", cookie: cookies[job.user] }, body: job.body });
        } catch (error) {
          if (errors++ >= 3) throw error;
          resentAfterError++;
          continue;
        }
        const json = JSON.parse(res.text) as { attemptNumber?: number };
        const retryAfter = Number(res.headers["retry-after"]);
        if (res.status === 503 && retryAfter > 0 && busy++ < 10) {
          busyAnswers++;
          await new Promise((r) => setTimeout(r, Math.min(retryAfter, 10) * 1000));
          continue;
        }
        return { status: res.status, ms: performance.now() - started, key: job.key, attemptNumber: json.attemptNumber, sent, timing: (res.headers["server-timing"] as string | undefined) ?? null };
      }
    } catch {
      return { status: 0, ms: performance.now() - started, key: job.key, sent };
    }
  };
  const t0 = performance.now();
  // The monotonic clock V8's CPU profiles use too (µs): the profile can be cut to this window.
  const clockUs = () => Number(process.hrtime.bigint() / 1000n);
  const loadStartUs = clockUs();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
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
  const loadWindowUs: [number, number] = [loadStartUs, clockUs()];

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
  // The first `concurrency` requests arrive together at a server that has answered a dozen so
  // far: how much of the tail is that start?
  // BENCH_TRACE=file.json: every request's place, latency and status, to look at the shape.
  if (process.env.BENCH_TRACE) writeFileSync(process.env.BENCH_TRACE, JSON.stringify(outcomes.map(({ sent, ms, status, timing }) => ({ sent, ms: Math.round(ms), status, timing }))));
  const afterBurst = outcomes.filter((x) => x.sent >= o.concurrency).map((x) => x.ms).sort((a, b) => a - b);
  await db.$disconnect();
  const peakMemoryMB = instances.map((i) => peakMemoryMb(i.child.pid!));
  await Promise.all(instances.map((i) => new Promise((r) => (i.child.once("exit", r), i.stop()))));
  const connections = connectionsDir ? takenIn(path.join(connectionsDir, "times.txt"), performance.timeOrigin + t0) : undefined;
  if (connectionsDir) rmSync(connectionsDir, { recursive: true, force: true });
  return {
    setup: name,
    ...latencySummary(ms, seconds),
    statuses,
    /** p99 of the requests sent after the first `concurrency` (the opening burst). */
    p99AfterBurstMs: Math.round(percentile(afterBurst, 99)),
    /** 503 answers that the virtual student waited out and sent again. */
    busyAnswers,
    /** Submissions sent again, same key, after their connection failed with no answer. */
    resentAfterError,
    acknowledgedSubmissions: acked.size,
    storedAttempts: stored.length,
    lost,
    doubled,
    inconsistentReplies,
    complete: next >= all.length,
    peakMemoryMB: peakMemoryMB.join(" + "),
    /** With BENCH_CONNECTIONS=1: how the server took in the measured load's new connections. */
    ...(connections ? { connections } : {}),
    /** The machine's 1-minute load average at the end: other work on it skews the figures. */
    load1m: Number(os.loadavg()[0].toFixed(1)),
    /** When the measured load ran, on the clock of the server's CPU profile (not for tables). */
    loadWindowUs,
  };
}

