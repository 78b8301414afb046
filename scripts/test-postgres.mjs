// `npm run test:postgres`: the test suite against PostgreSQL 15 — migrations, seed, unit tests
// and browser tests — on a throwaway cluster that is removed afterwards, also on failure.
// `npm test` runs it after the SQLite leg. Lint, typecheck and the build are the same for
// both databases; this reuses the build when it is current.
//   PG_BIN     PostgreSQL binaries (default /usr/lib/postgresql/15/bin)
//   PG_PORT    port for the cluster (default: a free one)
//   TEST_PORT, CHROMIUM_PATH, E2E=0 as for npm test
import { checkNode, ensureDependencies, fail, prepareDatabase, say } from "./lib/bootstrap.mjs";
import { pgBin, postgresInstalled, startCluster } from "./lib/postgres-cluster.mjs";
import { checkChromium, testEnv, unitAndBrowserTests } from "./lib/test-env.mjs";

checkNode();
if (!postgresInstalled()) {
  fail(`No PostgreSQL server binaries in ${pgBin()}.\n    sudo apt-get install -y postgresql-15\n  or set PG_BIN to the folder with initdb, pg_ctl, postgres and psql.`);
}
const chromium = checkChromium();
ensureDependencies();

say("Starting a throwaway PostgreSQL cluster");
const cluster = await startCluster();
const env = testEnv(cluster.createDatabase("bth_test"), chromium);

prepareDatabase(env, ["--test-fixtures"]);
unitAndBrowserTests(env, "PostgreSQL");
cluster.stop();
say("PostgreSQL leg passed");
