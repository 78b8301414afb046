// Where the database lives. Shared by the Prisma CLI config, the app's client and the
// scripts, so that all of them open the same database. Pure: reads no environment itself.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/behind-the-headline.db";

export type DatabaseProvider = "sqlite" | "postgresql";

/** The one switch between the embedded SQLite file and a shared PostgreSQL server. */
export function databaseProvider(databaseUrl: string): DatabaseProvider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(
    `DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "${databaseUrl.split(":")[0]}:…"`,
  );
}

/** The SQLite file a `file:` URL points at, resolved against `cwd`. */
export function sqliteFilePath(databaseUrl: string, cwd: string): string {
  if (databaseProvider(databaseUrl) !== "sqlite") {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${databaseUrl.split(":")[0]}:…"`);
  }
  const file = databaseUrl.slice("file:".length).split("?")[0];
  return path.resolve(cwd, file);
}

