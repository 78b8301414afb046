// Builds a Prisma client for a database URL. The app uses it once, through server/db.ts;
// scripts (seed, benchmarks) and tests use it directly, which is why it carries no
// "server-only" marker. Nothing in the browser bundle imports it.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "../lib/database-url";

export function createPrismaClient(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: sqliteFilePath(databaseUrl, process.cwd()), timeout: 5000 });
  const client = new PrismaClient({ adapter });
  // WAL lets readers go on while one writer writes; it is a property of the file, so setting
  // it again is harmless.
  void client.$queryRawUnsafe("PRAGMA journal_mode = WAL").catch(() => undefined);
  return client;
}
