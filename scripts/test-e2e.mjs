// `npm run test:e2e -- [playwright args]`: the browser tests alone, on a throwaway SQLite
// database, against a production build (rebuilt only when the sources changed). For a quick
// loop on one spec: `npm run test:e2e -- e2e/student.spec.ts`. `npm test` runs them all.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, checkNode, ensureDependencies, prepareDatabase, runBin } from "./lib/bootstrap.mjs";
import { checkChromium, testEnv } from "./lib/test-env.mjs";

checkNode();
const chromium = checkChromium();
ensureDependencies();
const dir = mkdtempSync(path.join(os.tmpdir(), "bth-e2e-"));
process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
const env = testEnv(`file:${path.join(dir, "test.db")}`, chromium);
prepareDatabase(env, ["--test-fixtures"]);
buildIfStale(env);
runBin("playwright", ["test", ...process.argv.slice(2)], env);
