// Prisma CLI configuration (migrate deploy, generate). Uses the JavaScript schema engine with
// the better-sqlite3 adapter, which works offline (see docs/decisions.md).
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "./lib/database-url";

const url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaBetterSQLite3({ url: sqliteFilePath(url, process.cwd()) }),
});
