// `npm test`: every check, from a fresh clone, in one command. Exits non-zero on any failure.
//   lint → typecheck → lesson check → unit tests → production build → browser tests → crash test
// The browser tests run against the production build on a throwaway database.
//   CHROMIUM_PATH   the Chromium to drive (default /usr/bin/chromium)
//   TEST_PORT       port for the app under test (default 3100)
//   E2E=0           skip the browser tests (quick local loop)
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, checkNode, ensureDependencies, fail, prepareDatabase, run, runBin, say } from "./lib/bootstrap.mjs";

checkNode();
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const e2e = process.env.E2E !== "0";
if (e2e && !existsSync(chromium)) {
  fail(
    `No Chromium at ${chromium}. The browser tests drive Debian's Chromium:\n` +
      `    sudo apt-get update && sudo apt-get install -y chromium\n` +
      `  or point CHROMIUM_PATH at another Chromium or Chrome binary.`,
  );
}
ensureDependencies();

const dir = mkdtempSync(path.join(os.tmpdir(), "bth-test-"));
const port = process.env.TEST_PORT || "3100";
const env = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dir, "test.db")}`,
  NEXTAUTH_SECRET: "test-secret-not-for-production-0123456789",
  NEXTAUTH_URL: `http://localhost:${port}`,
  TEST_PORT: port,
  CHROMIUM_PATH: chromium,
};
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));

prepareDatabase(env, ["--test-fixtures"]);
say("Lint");
runBin("eslint", ["--max-warnings=0", "."], env);
say("Typecheck");
runBin("tsc", ["--noEmit"], env);
say("Lesson check");
runBin("tsx", ["scripts/lessons-check.ts"], env);
say("Unit tests");
runBin("vitest", ["run"], env);
if (e2e) {
  buildIfStale(env);
  say("Browser tests (Playwright, Chromium)");
  runBin("playwright", ["test"], env);
  say("Crash test (SIGKILL during a burst of submissions)");
  run(process.execPath, ["scripts/crash-test.mjs"], env);
}
say("All checks passed");
