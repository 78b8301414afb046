// `npm run db:new-migration -- name`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// from the difference between prisma/migrations/schema-at-last-migration.prisma (the schema
// the existing migrations build) and prisma/schema.prisma, then updates that snapshot.
// (`prisma migrate dev` does not work with the offline JS engine; see docs/decisions.md.)
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root, fail } from "./lib/bootstrap.mjs";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) fail("Name the migration: npm run db:new-migration -- add_rate_limits");
const snapshot = path.join("prisma", "migrations", "schema-at-last-migration.prisma");

const out = spawnSync(
  path.join(root, "node_modules", ".bin", "prisma"),
  ["migrate", "diff", "--from-schema-datamodel", snapshot, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { cwd: root, env: { DATABASE_URL: "file:./data/unused.db", ...process.env }, encoding: "utf8" },
);
if (out.status !== 0) fail(`prisma migrate diff failed:\n${out.stderr}`);
if (!out.stdout.trim() || /empty migration/i.test(out.stdout)) {
  console.log("The schema matches the migrations: nothing to write.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const folder = path.join(root, "prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), out.stdout);
  copyFileSync(path.join(root, "prisma", "schema.prisma"), path.join(root, snapshot));
  console.log(`Wrote ${path.relative(root, folder)}/migration.sql — read it, then npm start applies it.`);
}
