// Where the database lives. Shared by the Prisma CLI config, the app's client and the
// scripts, so that all of them open the same file. Pure: reads no environment itself.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/behind-the-headline.db";

/** The SQLite file a `file:` URL points at, resolved against `cwd`. */
export function sqliteFilePath(databaseUrl: string, cwd: string): string {
  if (!databaseUrl.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${databaseUrl.split(":")[0]}:…"`);
  }
  const file = databaseUrl.slice("file:".length).split("?")[0];
  return path.resolve(cwd, file);
}
