// The committed migrations must build exactly the schema, for both providers: each test applies
// every migration to a scratch database, reads that database back (`prisma db pull`) and asks
// Prisma for the difference to the schema. The PostgreSQL half runs when the suite runs against
// PostgreSQL (`npm run test:postgres`, part of `npm test` where PostgreSQL is installed).
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseProvider } from "@/lib/database-url.mjs";
import { createScratchDatabase, postgresServerUrl, prisma, type ScratchDatabase } from "@/lib/test/scratch-database";
import { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA, SQLITE_MIGRATIONS, SQLITE_SCHEMA, postgresSchemaText } from "@/scripts/lib/postgres-schema.mjs";

const migrationNames = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();

describe("the two providers' files", () => {
  it("prisma/postgres/schema.prisma is derived from prisma/schema.prisma (run npm run db:new-migration)", () => {
    expect(readFileSync(POSTGRES_SCHEMA, "utf8")).toBe(postgresSchemaText(readFileSync(SQLITE_SCHEMA, "utf8")));
  });

  it("every migration exists for both providers, under the same name", () => {
    expect(migrationNames(POSTGRES_MIGRATIONS)).toEqual(migrationNames(SQLITE_MIGRATIONS));
    expect(migrationNames(SQLITE_MIGRATIONS).length).toBeGreaterThan(0);
  });
});

const providers: [DatabaseProvider, string, boolean][] = [
  ["sqlite", SQLITE_SCHEMA, true],
  ["postgresql", POSTGRES_SCHEMA, Boolean(postgresServerUrl())],
];

describe.each(providers)("migrations and schema agree on %s", (provider, schema, available) => {
  let scratch: ScratchDatabase | undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), "bth-drift-"));
  const built = path.join(dir, "built.prisma");

  /** Prisma's diff from what the migrations built to `target`: exit 0 = none, 2 = some. */
  const diffTo = (target: string) =>
    prisma(["migrate", "diff", "--from-schema-datamodel", built, "--to-schema-datamodel", target, "--exit-code"], scratch!.url);

  beforeAll(async () => {
    if (!available) return;
    scratch = await createScratchDatabase(provider);
    copyFileSync(schema, built); // db pull keeps the generator and datasource, replaces the models
    const pulled = prisma(["db", "pull", "--schema", built], scratch.url);
    expect(pulled.status, pulled.output).toBe(0);
  });
  afterAll(async () => {
    await scratch?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(!available)("the migrations build exactly the schema", () => {
    const result = diffTo(schema);
    expect(result.status, `Run npm run db:new-migration -- <name>.\n${result.output}`).toBe(0);
  });

  it.skipIf(!available)("a schema change without a migration is caught", () => {
    const changed = path.join(dir, "changed.prisma");
    writeFileSync(changed, `${readFileSync(schema, "utf8")}\nmodel DriftProbe {\n  id String @id\n}\n`);
    const result = diffTo(changed);
    expect(result.status, result.output).toBe(2);
    expect(result.output).toMatch(/DriftProbe/);
  });
});
