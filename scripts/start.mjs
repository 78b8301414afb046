// `npm start`: from a fresh clone to the app running with demo data, in one command.
// `npm run dev` does the same with the development server (lessons reload on save).
//   PORT (default 3000), DATABASE_URL (default: lib/database-url.mjs),
//   NEXTAUTH_SECRET (created in .env.local on first run), NEXTAUTH_URL (default http://localhost:PORT)
//   SEED_DEMO=false skips the demo accounts (for a real school's installation).
import { spawn } from "node:child_process";
import path from "node:path";
import { databaseUrl } from "../lib/database-url.mjs";
import { DEMO_PASSWORD } from "../prisma/demo.mjs";
import { buildIfStale, checkNode, ensureDependencies, ensureSecret, loadLocalEnv, prepareDatabase, root, say } from "./lib/bootstrap.mjs";

checkNode();
ensureDependencies();
loadLocalEnv();
ensureSecret();

const port = process.env.PORT || "3000";
const env = {
  ...process.env,
  PORT: port,
  DATABASE_URL: databaseUrl(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
};
const dev = process.argv.includes("--dev");

prepareDatabase(env, process.env.SEED_DEMO === "false" ? ["--none"] : []);
if (!dev) buildIfStale(env);

say(`Starting Behind the Headline on ${env.NEXTAUTH_URL}`);
console.log(`
  Open ${env.NEXTAUTH_URL}

  Demo sign-ins (password for all: ${DEMO_PASSWORD})
    instructor   instructor@example.org
    students     student1@example.org, student2@example.org
    author       author@example.org
    admin        admin@example.org
  Demo class join code: DEMO-2026
`);
const server = spawn(path.join(root, "node_modules", ".bin", "next"), dev ? ["dev", "-p", port] : ["start", "-p", port], {
  cwd: root,
  stdio: "inherit",
  env: { ...env, NODE_ENV: dev ? "development" : "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
