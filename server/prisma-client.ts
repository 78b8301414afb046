// Builds a Prisma client for a database URL. The app uses it once, through server/db.ts;
// scripts (seed, benchmarks) and tests use it directly, which is why it carries no
// "server-only" marker. Nothing in the browser bundle imports it.
//
// DATABASE_URL picks the database: file: → SQLite (embedded, one instance); postgresql:// →
// PostgreSQL (shared by several instances). Both clients are generated from the same data
// model (prisma/postgres/schema.prisma is derived from prisma/schema.prisma), so the app is
// typed against the SQLite client and runs the same queries on either.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { Prisma, PrismaClient } from "./generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "./generated/prisma-postgres/client";
import { databaseProvider, databaseUrl, sqliteFilePath } from "../lib/database-url.mjs";

/** Connections per app instance to PostgreSQL (DATABASE_POOL_SIZE; see docs/deploy.md). */
export function poolSize(value = process.env.DATABASE_POOL_SIZE): number {
  const n = value ? Number(value) : 10;
  if (!Number.isInteger(n) || n < 1) throw new Error(`DATABASE_POOL_SIZE must be a whole number ≥ 1, got "${value}"`);
  return n;
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: poolSize() });
    // Same models, same queries: only the provider differs between the two generated clients.
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(url, process.cwd()), timeout: 5000 });
  const client = new PrismaClient({ adapter });
  // WAL lets readers go on while one writer writes; it is a property of the file, so setting
  // it again is harmless.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  return client;
}

/**
 * The columns named by a unique-constraint error (P2002, or P2010 from a raw statement), or []
 * for any other error. The
 * driver adapters put them in meta.driverAdapterError.cause.constraint.fields: bare from
 * SQLite (`userId`), double-quoted from PostgreSQL (`"userId"`). PostgreSQL takes them from the
 * error's detail; without one, the constraint name (`QuizAttempt_userId_submissionKey_key`)
 * in the message still names them. Prisma's own engines used meta.target.
 */
export function uniqueViolationFields(error: unknown): string[] {
  if (!isUniqueError(error)) return [];
  type Cause = { originalMessage?: unknown; constraint?: { fields?: unknown } };
  const meta = error.meta as { target?: unknown; driverAdapterError?: { cause?: Cause } } | undefined;
  const cause = meta?.driverAdapterError?.cause;
  const constraintName = /unique constraint "([^"]+)"/.exec(String(cause?.originalMessage ?? ""))?.[1];
  return [
    ...(Array.isArray(meta?.target) ? meta.target : typeof meta?.target === "string" ? [meta.target] : []),
    ...(Array.isArray(cause?.constraint?.fields) ? cause.constraint.fields : []),
    ...(constraintName ? constraintName.split("_") : []),
  ].map((f) => String(f).replace(/^"(.*)"$/, "$1"));
}

/**
 * A unique-index failure: P2002 from a model query, or P2010 ("raw query failed") whose driver
 * error is a UniqueConstraintViolation, from a raw statement (server/quiz/store.ts).
 */
function isUniqueError(error: unknown): error is Prisma.PrismaClientKnownRequestError {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === "P2002") return true;
  const kind = (error.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError?.cause?.kind;
  return error.code === "P2010" && kind === "UniqueConstraintViolation";
}

/** Did a write fail on a unique index (on one that covers `field`, when given)? */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!isUniqueError(error)) return false;
  return field === undefined || uniqueViolationFields(error).includes(field);
}
