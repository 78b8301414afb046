// Prisma CLI configuration (generate, migrate deploy, migrate diff). DATABASE_URL picks the
// provider: a file: URL (or none) uses prisma/schema.prisma on SQLite through better-sqlite3;
// a postgresql:// URL uses the derived prisma/postgres/schema.prisma and its own migrations
// through adapter-pg. Both with the JavaScript schema engine, which works offline (see
// docs/decisions/003-prisma-6-js-engine.md).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseProvider, databaseUrl, sqliteFilePath } from "./lib/database-url.mjs";
import { patchAdapterPg } from "./scripts/lib/patch-adapter-pg.mjs";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA } from "./scripts/lib/postgres-schema.mjs";

const url = databaseUrl();
const postgres = databaseProvider(url) === "postgresql";
// migrate deploy and db pull read `name` and "char" columns that adapter-pg 6.19 cannot map
// without this patch; it must land before adapter-pg is first loaded, hence the import below.
if (postgres) patchAdapterPg(process.cwd());

export default defineConfig({
  schema: postgres ? POSTGRES_SCHEMA : SQLITE_SCHEMA,
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => {
    if (!postgres) return new PrismaBetterSQLite3({ url: sqliteFilePath(url, process.cwd()) });
    const { PrismaPg } = await import("@prisma/adapter-pg");
    // The CLI leaves the pool open; without allowExitOnIdle each command waits out pg's 10 s
    // idle timeout before it exits.
    return new PrismaPg({ connectionString: url, allowExitOnIdle: true });
  },
});
