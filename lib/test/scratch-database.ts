// Throwaway databases for tests that touch one, migrated with the committed migrations: a
// temporary SQLite file, or a new database on the PostgreSQL server that DATABASE_URL names
// when the suite runs against PostgreSQL (`npm run test:postgres`). Each test file gets its
// own, so tests never see the browser tests' data or each other's.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseProvider, type DatabaseProvider } from "@/lib/database-url.mjs";

export type ScratchDatabase = { url: string; drop(): Promise<void> };

/** The PostgreSQL server the suite runs against, if it does. */
export function postgresServerUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url && databaseProvider(url) === "postgresql" ? url : undefined;
}

/** The provider the suite runs against: PostgreSQL when DATABASE_URL names a server. */
export const suiteProvider = (): DatabaseProvider => (postgresServerUrl() ? "postgresql" : "sqlite");

/** Runs the Prisma CLI of the project against `url`; returns its exit status and output. */
export function prisma(args: string[], url: string): { status: number; output: string } {
  const out = spawnSync(path.join(process.cwd(), "node_modules", ".bin", "prisma"), args, {
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  return { status: out.status ?? 1, output: `${out.stdout}\n${out.stderr}` };
}

async function postgresAdmin(serverUrl: string, sql: string) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const admin = await new PrismaPg({ connectionString: serverUrl }).connect();
  try {
    await admin.executeScript(sql);
  } finally {
    await admin.dispose();
  }
}

/** A new, empty database of `provider`, with every migration applied unless `migrate` is false. */
export async function createScratchDatabase(provider = suiteProvider(), { migrate = true } = {}): Promise<ScratchDatabase> {
  let scratch: ScratchDatabase;
  if (provider === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bth-scratch-"));
    scratch = { url: `file:${path.join(dir, "scratch.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  } else {
    const serverUrl = postgresServerUrl();
    if (!serverUrl) throw new Error("A PostgreSQL scratch database needs DATABASE_URL=postgresql://… (npm run test:postgres sets it).");
    const name = `bth_scratch_${randomBytes(6).toString("hex")}`;
    await postgresAdmin(serverUrl, `CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    scratch = { url: url.toString(), drop: () => postgresAdmin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  if (migrate) {
    const result = prisma(["migrate", "deploy"], scratch.url);
    if (result.status !== 0) {
      await scratch.drop();
      throw new Error(`prisma migrate deploy failed on a scratch ${provider} database:\n${result.output}`);
    }
  }
  return scratch;
}
