// `npm test`: every check, from a fresh clone, in one command. Exits non-zero on any failure.
//   lint → typecheck → lesson check → unit tests → production build → browser tests (SQLite)
//   → crash test (SIGKILL during a burst of submissions)
//   → unit and browser tests again on PostgreSQL 15 (scripts/test-postgres.mjs)
// The browser tests run against the production build on a throwaway database.
//   CHROMIUM_PATH   the Chromium to drive (default /usr/bin/chromium)
//   TEST_PORT       port for the app under test (default 3100; the crash test uses it + 500)
//   E2E=0           skip the browser tests (quick local loop)
//   POSTGRES=0      skip the PostgreSQL leg (it also skips itself, with a message, where
//                   PostgreSQL is not installed — except in CI, where that is a failure)
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkNode, ensureDependencies, fail, prepareDatabase, root, run, runBin, say } from "./lib/bootstrap.mjs";
import { pgBin, postgresInstalled } from "./lib/postgres-cluster.mjs";
import { checkChromium, e2eEnabled, testEnv, unitAndBrowserTests } from "./lib/test-env.mjs";

checkNode();
const chromium = checkChromium();
ensureDependencies();

const dir = mkdtempSync(path.join(os.tmpdir(), "bth-test-"));
const env = testEnv(`file:${path.join(dir, "test.db")}`, chromium);
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

prepareDatabase(env, ["--test-fixtures"]);
say("Lint");
runBin("eslint", ["--max-warnings=0", "."], env);
say("Typecheck");
runBin("tsc", ["--noEmit"], env);
say("Lesson check");
runBin("tsx", ["scripts/lessons-check.ts"], env);
unitAndBrowserTests(env, "SQLite");
if (e2eEnabled()) {
  say("Crash test (SIGKILL during a burst of submissions)");
  run(process.execPath, ["scripts/crash-test.mjs"], env);
}

if (process.env.POSTGRES === "0") {
  say("PostgreSQL leg skipped (POSTGRES=0)");
} else if (postgresInstalled()) {
  run(process.execPath, [path.join(root, "scripts", "test-postgres.mjs")]);
} else if (process.env.CI) {
  fail(`No PostgreSQL server binaries in ${pgBin()}; CI must run the PostgreSQL leg (.ci/run installs postgresql-15).`);
} else {
  say(
    `PostgreSQL leg SKIPPED: no PostgreSQL binaries in ${pgBin()}.\n` +
      `  Install them (sudo apt-get install -y postgresql-15) or set PG_BIN, then npm run test:postgres.`,
  );
}
say("All checks passed");
