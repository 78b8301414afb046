// `npm run db:new-migration -- name`: after an edit of prisma/schema.prisma, writes the
// migration for both providers, under the same folder name:
//   prisma/migrations/<timestamp>_<name>/migration.sql            (SQLite)
//   prisma/postgres/migrations/<timestamp>_<name>/migration.sql   (PostgreSQL)
// Each is the difference between prisma/migrations/schema-at-last-migration.prisma (the
// schema the existing migrations build; its PostgreSQL twin is derived the same way) and the
// new schema. It also rewrites prisma/postgres/schema.prisma, updates the snapshot and
// regenerates both clients. (`prisma migrate dev` does not work with the offline JS engine;
// see docs/decisions/003-prisma-6-js-engine.md.) Diffing two schema files connects to no database.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { root, fail, generateClients } from "./lib/bootstrap.mjs";
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, SQLITE_MIGRATIONS, SQLITE_SCHEMA, writePostgresSchema } from "./lib/postgres-schema.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) fail("Name the migration: npm run db:new-migration -- add_rate_limits");
const snapshot = path.join(SQLITE_MIGRATIONS, "schema-at-last-migration.prisma");

writePostgresSchema(root);
const scratch = mkdtempSync(path.join(os.tmpdir(), "bth-migration-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const postgresSnapshot = writePostgresSchema(root, snapshot, path.join(scratch, "snapshot.prisma"));

function diff(from, to) {
  // A file: URL makes prisma.config.ts use the SQLite adapter, which diffs schema files of
  // either provider offline (the PostgreSQL adapter would want a live server). The file's
  // folder must exist; the file itself stays empty.
  const out = spawnSync(
    path.join(root, "node_modules", ".bin", "prisma"),
    ["migrate", "diff", "--from-schema-datamodel", from, "--to-schema-datamodel", to, "--script"],
    { cwd: root, env: { ...process.env, DATABASE_URL: `file:${path.join(scratch, "unused.db")}` }, encoding: "utf8" },
  );
  if (out.status !== 0) fail(`prisma migrate diff failed:\n${out.stderr}`);
  return out.stdout.trim() && !/empty migration/i.test(out.stdout) ? out.stdout : "";
}

const scripts = [
  [SQLITE_MIGRATIONS, diff(snapshot, SQLITE_SCHEMA)],
  [POSTGRES_MIGRATIONS, diff(postgresSnapshot, POSTGRES_SCHEMA)],
];
if (scripts.every(([, sql]) => !sql)) {
  console.log("The schema matches the migrations: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  for (const [dir, sql] of scripts) {
    const folder = path.join(root, dir, `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(root, folder)}/migration.sql`);
  }
  copyFileSync(path.join(root, SQLITE_SCHEMA), path.join(root, snapshot));
  generateClients();
  console.log("Read both, commit them with the schema; npm start applies them.");
}
