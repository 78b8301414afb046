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
  const result = await driver.queryRaw(toQuery(driver, statement));
  return result.rows.map((values) => Object.fromEntries(result.columnNames.map((name, i) => [name, values[i]])) as Row);
}

const COMMIT: Prisma.Sql = Prisma.sql`COMMIT`;
const ROLLBACK: Prisma.Sql = Prisma.sql`ROLLBACK`;

/**
 * Runs the statements in order in one transaction: all are stored or none. A failure (a unique
 * index refusing a repeat, say) rolls back and is thrown as the driver's error, which
 * isUniqueViolation() (server/prisma-client.ts) recognises. Returns the rows each statement changed.
 */
export async function transaction(statements: Prisma.Sql[]): Promise<number[]> {
  const driver = await driverOf(db);
  // The driver begins the transaction (on SQLite it also takes the connection's lock, the one
  // Prisma's own transactions wait on); ending it is the caller's COMMIT or ROLLBACK, then
  // commit()/rollback() hands the connection back.
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
