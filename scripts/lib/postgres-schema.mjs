// prisma/postgres/schema.prisma is prisma/schema.prisma with another provider: Prisma wants a
// literal provider in each schema, so the PostgreSQL one is derived, never edited by hand.
// `npm run db:new-migration` rewrites it; a unit test fails when the committed copy is stale.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = "prisma/schema.prisma";
export const POSTGRES_SCHEMA = "prisma/postgres/schema.prisma";
export const SQLITE_MIGRATIONS = "prisma/migrations";
export const POSTGRES_MIGRATIONS = "prisma/postgres/migrations";

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/lib/postgres-schema.mjs — do not edit.\n" +
  "// Change prisma/schema.prisma, then run `npm run db:new-migration -- <name>`.\n\n";

/** The PostgreSQL twin of a SQLite schema text (provider and client output differ). */
export function postgresSchemaText(sqliteSchema) {
  const datasource = /(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/;
  const output = /(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/server\/generated\/prisma"/;
  if (!datasource.test(sqliteSchema) || !output.test(sqliteSchema)) {
    throw new Error(`${SQLITE_SCHEMA}: expected provider "sqlite" and output "../server/generated/prisma"`);
  }
  return HEADER + sqliteSchema.replace(datasource, '$1"postgresql"').replace(output, '$1"../../server/generated/prisma-postgres"');
}

/** Writes prisma/postgres/schema.prisma (or `to`) from a SQLite schema file; returns its path. */
export function writePostgresSchema(root, from = SQLITE_SCHEMA, to = POSTGRES_SCHEMA) {
  const target = path.resolve(root, to);
  writeFileSync(target, postgresSchemaText(readFileSync(path.resolve(root, from), "utf8")));
  return target;
}
