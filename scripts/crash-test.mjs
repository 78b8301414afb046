// Crash test: students submit quiz attempts in a burst, the server is killed with SIGKILL in the
// middle of it, then restarted. Every submission the server acknowledged (HTTP 200) must be
// stored exactly once; a retried in-flight submission must not be stored twice.
// Run by `npm test`; prints the figures and exits 1 on any loss or duplicate.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import { hash } from "@node-rs/argon2";
import { sqliteFilePath } from "../lib/database-url.mjs";
import { root, say, fail } from "./lib/bootstrap.mjs";
import { scratchDatabase, signIn, startServer } from "./bench/server.mjs";

// Beside the app under test (TEST_PORT + 500: 3600 by default), so two runs with different
// TEST_PORTs on one machine do not collide; CRASH_PORT sets it outright.
const PORT = Number(process.env.CRASH_PORT || Number(process.env.TEST_PORT || 3100) + 500);
const STUDENTS = 20;
const KILL_AFTER_ACKS = 150; // kill mid-burst, once this many submissions were acknowledged
const LESSON = "lone-wolf";
const QUIZ = "lone-wolf-practice-spectrum"; // a practice quiz: unlimited attempts

const db = scratchDatabase();
const file = sqliteFilePath(db.url, root);
try {
  const sqlite = new Database(file);
  const passwordHash = await hash("crash-test-password");
  const insert = sqlite.prepare("INSERT INTO User (id, email, name, passwordHash, role, createdAt) VALUES (?, ?, ?, ?, 'student', ?)");
  for (let i = 0; i < STUDENTS; i++) insert.run(`crash-${i}`, `crash-${i}@example.org`, `Crash ${i}`, passwordHash, Date.now());
  sqlite.close();

  let server = await startServer({ port: PORT, databaseUrl: db.url });
  const cookies = await Promise.all(Array.from({ length: STUDENTS }, (_, i) => signIn(server.base, `crash-${i}@example.org`, "crash-test-password")));

  const acknowledged = new Map(); // key → student index
  const inFlight = new Map();
  let refused = 0;
  let failed = 0;
  let stop = false;
  const submit = async (i, key) => {
    const res = await fetch(`${server.base}/api/attempts`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Cookie: cookies[i] },
      body: JSON.stringify({ lessonSlug: LESSON, quizId: QUIZ, submissionKey: key, answers: {} }),
    });
    return res.status;
  };
  const student = async (i) => {
    while (!stop) {
      const key = randomUUID();
      inFlight.set(key, i);
      try {
        const status = await submit(i, key);
        if (status === 200) acknowledged.set(key, i);
        else refused++;
      } catch {
        failed++; // connection cut by the crash: not acknowledged
        return;
      }
      inFlight.delete(key);
    }
  };
  const burst = Promise.all(Array.from({ length: STUDENTS }, (_, i) => student(i)));
  const started = Date.now();
  while (acknowledged.size < KILL_AFTER_ACKS && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 5));
  server.child.kill("SIGKILL");
  stop = true;
  await burst;
  say(`Killed the server (SIGKILL) in the middle of the burst, after ${acknowledged.size} acknowledgements`);

  server = await startServer({ port: PORT, databaseUrl: db.url });
  // Retrying what was in flight at the crash must not store anything twice.
  const retried = await Promise.all([...inFlight].map(([key, i]) => submit(i, key)));

  const check = new Database(file, { readonly: true });
  const rows = check.prepare("SELECT submissionKey, count(*) AS n FROM QuizAttempt WHERE quizId = ? GROUP BY submissionKey").all(QUIZ);
  const answers = check.prepare("SELECT count(*) AS n FROM Answer a JOIN QuizAttempt q ON q.id = a.attemptId WHERE q.quizId = ?").get(QUIZ).n;
  const perAttempt = check.prepare("SELECT count(*) AS n FROM QuizAttempt WHERE quizId = ?").get(QUIZ).n;
  const integrity = check.pragma("integrity_check", { simple: true });
  check.close();
  server.stop();

  const stored = new Map(rows.map((r) => [r.submissionKey, r.n]));
  const lost = [...acknowledged.keys()].filter((k) => !stored.has(k)).length;
  const doubled = rows.filter((r) => r.n > 1).length;
  console.log(
    `crash test: acknowledged ${acknowledged.size}, stored ${perAttempt} (${answers} answers), lost ${lost}, doubled ${doubled}, ` +
      `in flight at the crash ${inFlight.size} (retried: ${retried.filter((s) => s === 200).length} × 200), refused ${refused}, cut ${failed}, integrity ${integrity}`,
  );
  if (acknowledged.size === 0) fail("No submission was acknowledged before the crash: the test proved nothing.");
  if (lost || doubled || integrity !== "ok") fail("Submissions were lost or doubled across a crash.");
  if (retried.some((s) => s !== 200)) fail("A retried in-flight submission was not accepted after the restart.");
} finally {
  db.cleanup();
}
