// Shared steps of `npm start` and `npm test`, in plain Node so they run before any dependency
// is installed: install when missing or stale, create the auth secret, prepare the database,
// build when the sources changed.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { databaseProvider, sqliteFilePath } from "../../lib/database-url.mjs";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);

export function say(message) {
  console.log(`\x1b[1m▸ ${message}\x1b[0m`);
}

export function fail(message) {
  console.error(`\n\x1b[31m✖ ${message}\x1b[0m\n`);
  process.exit(1);
}

/** Runs a command in the project, streaming its output; stops everything if it fails. */
export function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env });
  if (result.status !== 0) fail(`${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal}).`);
}

export const runBin = (name, args, env) => run(bin(name), args, env);

/** The oldest Node.js the project runs on: package.json's `engines.node` (">=20.12"). */
export const minimumNode = () => JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")).engines.node.replace(/^>=/, "");

/** Stops with a message on a Node.js older than package.json's `engines` allows. */
export function checkNode() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  const [wantMajor, wantMinor] = minimumNode().split(".").map(Number);
  if (major < wantMajor || (major === wantMajor && minor < wantMinor)) fail(`Node.js ${minimumNode()} or newer is needed; this is ${process.versions.node}.`);
}

function hashOf(paths) {
  const h = createHash("sha256");
  const walk = (p) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
        walk(path.join(p, name));
      }
    } else {
      h.update(path.relative(root, p));
      h.update(readFileSync(p));
    }
  };
  for (const p of paths) walk(path.join(root, p));
  return h.digest("hex");
}

/**
 * Installs when node_modules is missing or was installed from another package-lock.json.
 * `npm install --no-save` rather than `npm ci`: the registry these machines reach lacks some
 * other platforms' optional packages (e.g. @next/swc-darwin-*), which `npm ci` refuses to skip.
 * Temporary: docs/decisions/008-npm-install-no-save.md says when `npm ci` comes back.
 */
export function ensureDependencies() {
  const stampFile = path.join(root, "node_modules", ".bth-install-stamp");
  const want = hashOf(["package.json", "package-lock.json"]) + process.versions.node;
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === want) return;
  say("Installing dependencies (first run takes a few minutes: better-sqlite3 is compiled here)");
  run("npm", ["install", "--no-save", "--no-audit", "--no-fund"]);
  writeFileSync(stampFile, want);
}

/** Loads .env.local into process.env (what is already set wins). */
export function loadLocalEnv() {
  const file = path.join(root, ".env.local");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** The first run creates the session-signing secret in .env.local (git-ignored). */
export function ensureSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const secret = randomBytes(32).toString("base64url");
  appendFileSync(path.join(root, ".env.local"), `NEXTAUTH_SECRET=${secret}\n`, { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = secret;
  say("Created a session secret in .env.local (kept out of git)");
}

/** A database URL with its password hidden, for messages. */
export const redactUrl = (url) => url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/, "$1***@");

/**
 * Generates both Prisma clients: the app imports both and picks one by DATABASE_URL at run
 * time. prisma.config.ts picks the schema by the URL's provider; generating connects nowhere.
 */
export function generateClients(env = process.env) {
  say("Generating the database clients (SQLite and PostgreSQL)");
  runBin("prisma", ["generate"], { ...env, DATABASE_URL: `file:${path.join(os.tmpdir(), "bth-generate-unused.db")}` });
  runBin("prisma", ["generate"], { ...env, DATABASE_URL: "postgresql://generate@127.0.0.1:1/unused" });
}

/**
 * Generates the clients, applies the migrations of the provider DATABASE_URL names (SQLite:
 * creating the file's folder first), and seeds. Several instances on one PostgreSQL database
 * migrate once per release instead of each running this (docs/deploy.md).
 */
export function prepareDatabase(env, seedArgs = []) {
  const url = env.DATABASE_URL;
  if (databaseProvider(url) === "sqlite") mkdirSync(path.dirname(sqliteFilePath(url, root)), { recursive: true });
  generateClients(env);
  say(`Applying migrations to ${redactUrl(url)}`);
  runBin("prisma", ["migrate", "deploy"], env);
  say("Seeding demo data");
  runBin("tsx", ["prisma/seed.ts", ...seedArgs], env);
}

const BUILD_INPUTS = ["app", "components", "lessons", "lib", "server", "public", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "tsconfig.json"];

/** next build, unless the last build was made from exactly these sources. */
export function buildIfStale(env) {
  const stampFile = path.join(root, ".next", ".bth-build-stamp");
  const want = hashOf(BUILD_INPUTS);
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === want && existsSync(path.join(root, ".next", "BUILD_ID"))) {
    say("Production build is up to date");
    return;
  }
  say("Building for production");
  rmSync(stampFile, { force: true });
  runBin("next", ["build"], { ...env, NODE_ENV: "production" });
  writeFileSync(stampFile, want);
}
