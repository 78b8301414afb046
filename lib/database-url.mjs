// Where the database lives: the one default and the one switch between SQLite and PostgreSQL.
// Shared by the app's client, the Prisma CLI config, the tests and the plain-Node scripts
// (`npm start`, `npm run db:backup`), which run before dependencies are installed and cannot
// import TypeScript: hence plain JavaScript, with its types in ./database-url.d.mts.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/behind-the-headline.db";

/** DATABASE_URL, or the default SQLite file when it is unset or empty. */
export function databaseUrl(env = process.env) {
  return env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The one switch between the embedded SQLite file and a shared PostgreSQL server. */
export function databaseProvider(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, got "${url.split(":")[0]}:…"`);
}

/** The SQLite file a `file:` URL points at, resolved against `cwd`. */
export function sqliteFilePath(url, cwd) {
  if (databaseProvider(url) !== "sqlite") {
    throw new Error(`DATABASE_URL must be a file: URL for SQLite, got "${url.split(":")[0]}:…"`);
  }
  return path.resolve(cwd, url.slice("file:".length).split("?")[0]);
}
