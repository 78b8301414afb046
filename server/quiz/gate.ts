import "server-only";
// The gate quiz submissions go through (server/http/admission.ts): when a whole year group
// presses "Submit" at once, submissions run a few at a time in arrival order, and a student
// whose turn would be more than SUBMISSION_MAX_WAIT_MS away is told to send again (503 +
// Retry-After; the browser does it by itself, with the same submission key).
//   SUBMISSION_CONCURRENCY   submissions running at once (default: 8 on SQLite, which writes
//                            them in groups that share one COMMIT, server/sql.ts — few enough
//                            that a turn of the event loop stays short, since Node takes in
//                            one new connection per turn (decision 030); the pool size on
//                            PostgreSQL)
//   SUBMISSION_MAX_WAIT_MS   the longest expected wait a submission is queued for (default 5000)
import { databaseProvider, databaseUrl } from "@/lib/database-url.mjs";
import { Admission } from "@/server/http/admission";
import { poolSize } from "@/server/prisma-client";

function positive(name: string, fallback: number): number {
  const value = process.env[name];
  const n = value ? Number(value) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number ≥ 1, got "${value}"`);
  return n;
}

export const submissionGate = new Admission(
  positive("SUBMISSION_CONCURRENCY", databaseProvider(databaseUrl()) === "postgresql" ? poolSize() : 8),
  positive("SUBMISSION_MAX_WAIT_MS", 5000),
);
