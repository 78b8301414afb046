import "server-only";
// The statements every signed-in request or every quiz submission runs (who is asking:
// server/auth.ts; the submission's reads and writes: server/quiz/store.ts) go straight to the
// driver under the app's one Prisma client — the same connection (SQLite) or pool
// (PostgreSQL), not a second one. Measured under load (docs/benchmarks.md, decision 026):
// each statement through the client, raw or not, is planned by Prisma's query compiler
// (WebAssembly) and passes its request pipeline, ~0.3 ms of CPU before the database sees it;
// on the driver it is the database's own work. Everything else uses the model API.
//
// Statements are written with Prisma.sql`…` (values are always parameters, never spliced in)
// in the SQL that SQLite and PostgreSQL share; each database gets its own placeholders.
//
// On SQLite they run on the connection itself (better-sqlite3, the one under Prisma's adapter),
// each statement prepared once per process: through the adapter, every statement was prepared
// again on every use (7% of all CPU under a class's burst of submissions). Values go in and
// come out as the adapter sends and reads them (sqliteValue, fromSqlite), so rows look the
// same either way. On PostgreSQL they go through the adapter (its pool).
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { driverOf, type Driver } from "@/server/prisma-client";

type Query = Parameters<Driver["queryRaw"]>[0];
type ArgType = Query["argTypes"][number];

/** How the driver should send a value (both drivers turn booleans and dates into their own forms). */
function argType(value: unknown): ArgType {
  const scalarType =
    value instanceof Date ? "datetime" : typeof value === "boolean" ? "boolean" : typeof value === "number" ? (Number.isInteger(value) ? "int" : "float") : typeof value === "string" ? "string" : "unknown";
  return { scalarType, arity: "scalar" };
}

/** A statement as the driver takes it: its placeholders, its values, how to send each. */
export function toQuery(driver: Driver, statement: Prisma.Sql): Query {
  return { sql: driver.provider === "postgres" ? statement.text : statement.sql, args: statement.values, argTypes: statement.values.map(argType) };
}

/** Runs a SELECT; each row as an object keyed by column name (values as the driver gives them: see the callers). */
export async function select<Row extends Record<string, unknown>>(statement: Prisma.Sql): Promise<Row[]> {
  const driver = await driverOf(db);
  if (driver.provider === "sqlite") return sqliteSelect<Row>(driver, statement);
  const result = await driver.queryRaw(toQuery(driver, statement));
  return result.rows.map((values) => Object.fromEntries(result.columnNames.map((name, i) => [name, values[i]])) as Row);
}

const COMMIT: Prisma.Sql = Prisma.sql`COMMIT`;
const ROLLBACK: Prisma.Sql = Prisma.sql`ROLLBACK`;

/**
 * Runs the statements in order in one transaction: all are stored or none. A failure (a unique
 * index refusing a repeat, say) rolls back and is thrown as the driver's error, which
 * isUniqueViolation() (server/prisma-client.ts) recognises. Returns the rows each statement
 * changed, once they are durably committed.
 *
 * On SQLite, transactions that arrive together share one COMMIT (group commit, below); on
 * PostgreSQL each runs on a connection of the pool, side by side.
 */
export async function transaction(statements: Prisma.Sql[]): Promise<number[]> {
  const driver = await driverOf(db);
  if (driver.provider === "sqlite") return groupCommit(driver, statements);
  const tx = await driver.startTransaction();
  const counts: number[] = [];
  try {
    for (const statement of statements) counts.push(await tx.executeRaw(toQuery(driver, statement)));
    await tx.executeRaw(toQuery(driver, COMMIT));
  } catch (error) {
    try {
      await tx.executeRaw(toQuery(driver, ROLLBACK));
    } finally {
      await tx.rollback();
    }
    throw error;
  }
  await tx.commit();
  return counts;
}

// ---- SQLite: the connection itself, statements prepared once ----

/** The part of better-sqlite3 used here (the package ships no types). */
type SqliteStatement = { run(...values: unknown[]): { changes: number }; all(...values: unknown[]): Record<string, unknown>[] };
type SqliteConnection = { prepare(sql: string): SqliteStatement };

/** The better-sqlite3 connection under Prisma's SQLite adapter (its `client`). */
const connectionOf = (driver: Driver): SqliteConnection => (driver as unknown as { client: SqliteConnection }).client;

// Per connection (a new one after $disconnect); a few dozen distinct statements in all (the
// answers' INSERT differs by the number of answers), bounded anyway.
const preparedOn = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();
const MAX_PREPARED = 200;

function prepared(connection: SqliteConnection, sql: string): SqliteStatement {
  let cache = preparedOn.get(connection);
  if (!cache) preparedOn.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    if (cache.size >= MAX_PREPARED) cache.clear();
    cache.set(sql, (statement = connection.prepare(sql)));
  }
  return statement;
}

/** A value as Prisma's SQLite adapter stores it: booleans as 1/0, dates as ISO 8601 text. */
export function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** A value as the adapter reads it: 64-bit integers (the connection reads them as BigInt) as text. */
const fromSqlite = (value: unknown): unknown => (typeof value === "bigint" ? value.toString() : value);

function sqliteSelect<Row extends Record<string, unknown>>(driver: Driver, statement: Prisma.Sql): Row[] {
  const rows = prepared(connectionOf(driver), statement.sql).all(...statement.values.map(sqliteValue));
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, fromSqlite(value)])) as Row);
}

const runOn = (connection: SqliteConnection) => (statement: Prisma.Sql) => prepared(connection, statement.sql).run(...statement.values.map(sqliteValue)).changes;

// Group commit. SQLite writes one transaction at a time on the app's one connection, and a
// durable COMMIT (synchronous = FULL: the log synced to disk) is the most expensive step of a
// small one; while a class submits at once, many small transactions wait for it. The adapter
// begins the transaction (taking the connection's lock, the one Prisma's own transactions
// wait on); every transaction that arrived in the same turn of the event loop, or while the
// lock was held, then runs in it, each inside its own SAVEPOINT, and all share one COMMIT. A
// statement that fails rolls back to its savepoint: only its own transaction is refused, as
// if it had run alone. Each caller is answered after the COMMIT that holds its rows, never
// before; if that COMMIT fails, each caller gets the error and nothing of theirs is stored.
type Waiting = { statements: Prisma.Sql[]; done: (counts: number[]) => void; failed: (error: unknown) => void };
let queued: Waiting[] = [];
let scheduled = false;

const SAVEPOINT: Prisma.Sql = Prisma.sql`SAVEPOINT "one"`;
const RELEASE: Prisma.Sql = Prisma.sql`RELEASE SAVEPOINT "one"`;
const ROLLBACK_TO: Prisma.Sql = Prisma.sql`ROLLBACK TO SAVEPOINT "one"`;

function groupCommit(driver: Driver, statements: Prisma.Sql[]): Promise<number[]> {
  return new Promise((done, failed) => {
    queued.push({ statements, done, failed });
    if (scheduled) return;
    scheduled = true;
    // After this turn's I/O callbacks: the submissions whose turn came in it join the group.
    setImmediate(() => void writeGroup(driver));
  });
}

/** The transactions waiting so far; the next ones schedule a group of their own. */
function takeQueued(): Waiting[] {
  const group = queued;
  queued = [];
  scheduled = false;
  return group;
}

async function writeGroup(driver: Driver): Promise<void> {
  let tx: Awaited<ReturnType<Driver["startTransaction"]>>;
  try {
    tx = await driver.startTransaction(); // waits for the connection's lock while more join
  } catch (error) {
    for (const w of takeQueued()) w.failed(error);
    return;
  }
  const group = takeQueued();
  const run = runOn(connectionOf(driver));
  const outcomes: ({ counts: number[] } | { error: unknown })[] = [];
  try {
    for (const w of group) {
      run(SAVEPOINT);
      try {
        outcomes.push({ counts: w.statements.map(run) });
      } catch (error) {
        run(ROLLBACK_TO);
        outcomes.push({ error });
      }
      run(RELEASE);
    }
    run(COMMIT);
  } catch (error) {
    try {
      run(ROLLBACK);
    } catch {
      // SQLite may have rolled back already (a full disk, say): nothing is left to undo.
    }
    await tx.rollback();
    for (const w of group) w.failed(error);
    return;
  }
  await tx.commit();
  group.forEach((w, i) => {
    const outcome = outcomes[i];
    if ("counts" in outcome) w.done(outcome.counts);
    else w.failed(outcome.error);
  });
}
