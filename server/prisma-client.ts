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

/** The driver under a Prisma client: Prisma's own interface to the database connection (SQLite) or pool (PostgreSQL). */
export type Driver = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

// On globalThis: instrumentation.ts makes the app's client (for the LTI score sender) in a
// bundle of its own, and server/sql.ts must find that client's driver from the app's bundles.
const DRIVERS = Symbol.for("behind-the-headline.prisma-drivers");
const drivers: WeakMap<object, () => Promise<Driver>> = ((globalThis as unknown as Record<symbol, WeakMap<object, () => Promise<Driver>>>)[DRIVERS] ??= new WeakMap());

/**
 * The connection (SQLite) or pool (PostgreSQL) a client made by createPrismaClient() runs on,
 * for the few statements on the hottest path (server/sql.ts). It is the same one, not a second:
 * SQLite's write lock and PostgreSQL's pool limit hold for both.
 */
export function driverOf(client: PrismaClient): Promise<Driver> {
  const connect = drivers.get(client);
  if (!connect) throw new Error("driverOf: this client was not made by createPrismaClient()");
  return connect();
}

/**
 * Makes the factory hand out one connection, to Prisma and to driverOf() alike; after Prisma
 * disposes of it ($disconnect) the next use connects again.
 */
function shareConnection(factory: { connect(): Promise<Driver> }): () => Promise<Driver> {
  const connect = factory.connect.bind(factory);
  let connected: Promise<Driver> | null = null;
  factory.connect = () =>
    (connected ??= connect().then((driver) => {
      const dispose = driver.dispose.bind(driver);
      driver.dispose = () => ((connected = null), dispose());
      return driver;
    }));
  return factory.connect;
}

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: poolSize() });
    const connect = shareConnection(adapter);
    // Same models, same queries: only the provider differs between the two generated clients.
    const client = new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
    drivers.set(client, connect);
    return client;
  }
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(url, process.cwd()), timeout: 5000 });
  const connect = shareConnection(adapter);
  const client = new PrismaClient({ adapter });
  drivers.set(client, connect);
  // WAL lets readers go on while one writer writes; it is a property of the file, so setting
  // it again is harmless.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  return client;
}

type DriverErrorCause = { kind?: unknown; originalMessage?: unknown; constraint?: { fields?: unknown } };

const SQLITE_UNIQUE = new Set(["SQLITE_CONSTRAINT_UNIQUE", "SQLITE_CONSTRAINT_PRIMARYKEY"]);

/**
 * The driver's own error (server/sql.ts runs statements on the driver, not through the client):
 * the adapter's DriverAdapterError, or on SQLite better-sqlite3's SqliteError, described as the
 * adapter describes it ("UNIQUE constraint failed: QuizAttempt.userId, QuizAttempt.submissionKey").
 */
function driverErrorCause(error: unknown): DriverErrorCause | undefined {
  if (error instanceof Error && error.name === "DriverAdapterError" && typeof error.cause === "object" && error.cause) return error.cause as DriverErrorCause;
  if (error instanceof Error && error.name === "SqliteError" && SQLITE_UNIQUE.has(String((error as { code?: unknown }).code))) {
    const fields = error.message.split("constraint failed: ").at(1)?.split(", ").map((field) => field.split(".").pop());
    return { kind: "UniqueConstraintViolation", originalMessage: error.message, constraint: fields ? { fields } : undefined };
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) return (error.meta as { driverAdapterError?: { cause?: DriverErrorCause } } | undefined)?.driverAdapterError?.cause;
  return undefined;
}

/**
 * A unique-index failure: P2002 from a model query, P2010 ("raw query failed") whose driver
 * error is a UniqueConstraintViolation from a raw statement, or that driver error itself
 * (server/sql.ts).
 */
function isUniqueError(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return true;
  return driverErrorCause(error)?.kind === "UniqueConstraintViolation";
}

/**
 * The columns named by a unique-constraint error, or [] for any other error. The driver
 * adapters put them in the driver error's constraint.fields: bare from SQLite (`userId`),
 * double-quoted from PostgreSQL (`"userId"`). PostgreSQL takes them from the error's detail;
 * without one, the constraint name (`QuizAttempt_userId_submissionKey_key`) in the message
 * still names them. Prisma's own engines used meta.target.
 */
export function uniqueViolationFields(error: unknown): string[] {
  if (!isUniqueError(error)) return [];
  const target = error instanceof Prisma.PrismaClientKnownRequestError ? (error.meta as { target?: unknown } | undefined)?.target : undefined;
  const cause = driverErrorCause(error);
  const constraintName = /unique constraint "([^"]+)"/.exec(String(cause?.originalMessage ?? ""))?.[1];
  return [
    ...(Array.isArray(target) ? target : typeof target === "string" ? [target] : []),
    ...(Array.isArray(cause?.constraint?.fields) ? cause.constraint.fields : []),
    ...(constraintName ? constraintName.split("_") : []),
  ].map((f) => String(f).replace(/^"(.*)"$/, "$1"));
}

/** Did a write fail on a unique index (on one that covers `field`, when given)? */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!isUniqueError(error)) return false;
  return field === undefined || uniqueViolationFields(error).includes(field);
}
