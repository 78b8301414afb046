// What both legs of `npm test` share: the Chromium check and the environment the unit and
// browser tests run with, for a given database.
import { existsSync } from "node:fs";
import { buildIfStale, fail, runBin, say } from "./bootstrap.mjs";

export const e2eEnabled = () => process.env.E2E !== "0";

/** The Chromium the browser tests drive; stops with install advice when it is missing. */
export function checkChromium() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (e2eEnabled() && !existsSync(chromium)) {
    fail(
      `No Chromium at ${chromium}. The browser tests drive Debian's Chromium:\n` +
        `    sudo apt-get update && sudo apt-get install -y chromium\n` +
        `  or point CHROMIUM_PATH at another Chromium or Chrome binary.`,
    );
  }
  return chromium;
}

export function testEnv(databaseUrl, chromium) {
  const port = process.env.TEST_PORT || "3100";
  return {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: "test-secret-not-for-production-0123456789",
    NEXTAUTH_URL: `http://localhost:${port}`,
    TEST_PORT: port,
    CHROMIUM_PATH: chromium,
  };
}

/** The database-dependent part of the suite: unit tests, then (unless E2E=0) browser tests. */
export function unitAndBrowserTests(env, database) {
  say(`Unit tests (${database})`);
  runBin("vitest", ["run"], env);
  if (!e2eEnabled()) return;
  buildIfStale(env);
  say(`Browser tests (Playwright, Chromium, ${database})`);
  runBin("playwright", ["test"], env);
}
