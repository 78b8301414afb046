// `npm run db:backup [-- path]`: a consistent copy of the SQLite database, taken while the app
// keeps serving (SQLite's online backup API: pages copied in steps; a write during the copy
// restarts it, so the copy is of one moment). The copy is checked with PRAGMA integrity_check.
// Restore: see docs/deploy.md ("Backups").
import { existsSync, mkdirSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseProvider, databaseUrl, sqliteFilePath } from "../lib/database-url.mjs";
import { fail, loadLocalEnv, root, say } from "./lib/bootstrap.mjs";

loadLocalEnv();
const url = databaseUrl();
if (databaseProvider(url) !== "sqlite") fail("db:backup is for the SQLite database. For PostgreSQL use pg_dump (docs/deploy.md).");
const source = sqliteFilePath(url, root);
if (!existsSync(source)) fail(`No database at ${source}.`);

const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
const target = path.resolve(process.argv[2] ?? path.join(root, "backups", `behind-the-headline-${stamp}.db`));
mkdirSync(path.dirname(target), { recursive: true });
if (existsSync(target)) fail(`${target} already exists; choose another name.`);

const started = Date.now();
const db = new Database(source, { fileMustExist: true, timeout: 5000 });
await db.backup(target);
db.close();

const copy = new Database(target, { readonly: true });
const integrity = copy.pragma("integrity_check", { simple: true });
const attempts = copy.prepare("SELECT count(*) AS n FROM QuizAttempt").get().n;
const users = copy.prepare("SELECT count(*) AS n FROM User").get().n;
copy.close();
if (integrity !== "ok") fail(`The backup failed its integrity check: ${integrity}`);
say(`Backed up ${path.relative(root, source)} → ${target}`);
console.log(`  ${(statSync(target).size / 1024).toFixed(0)} kB, ${users} users, ${attempts} attempts, integrity ok, ${Date.now() - started} ms`);
