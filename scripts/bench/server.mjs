// Shared by the benchmark scripts: a throwaway database, a production server on a port, and
// signing a user in over HTTP. Traffic goes to 127.0.0.1 only.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIfStale, prepareDatabase, root } from "../lib/bootstrap.mjs";

export const SECRET = "bench-secret-not-for-production-0123456789";

/** A fresh migrated and seeded SQLite database in a temp folder. */
export function scratchDatabase(seedArgs = []) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bth-bench-"));
  const url = `file:${path.join(dir, "bench.db")}`;
  prepareDatabase({ ...process.env, DATABASE_URL: url }, seedArgs);
  return { url, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Builds if needed and starts `next start`; resolves once it answers. `nodeArgs` go to Node
 * itself (e.g. --cpu-prof, which NODE_OPTIONS does not accept).
 */
export async function startServer({ port, databaseUrl, env = {}, nodeArgs = [] }) {
  buildIfStale({ ...process.env, DATABASE_URL: databaseUrl });
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: SECRET, NEXTAUTH_URL: `http://127.0.0.1:${port}`, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  process.on("exit", () => child.kill("SIGKILL"));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/api/me`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  if (child.exitCode !== null) throw new Error(`The app on port ${port} did not start.`);
  return { base, child, stop: () => child.kill("SIGTERM") };
}

/** Peak resident memory (VmHWM) of a process and its children, in MB (Linux). */
export function peakMemoryMb(pid) {
  const read = (p) => {
    try {
      const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
      const children = readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
      return kb + children.reduce((sum, c) => sum + read(c), 0);
    } catch {
      return 0;
    }
  };
  return Math.round(read(pid) / 1024);
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
export async function signIn(base, email, password) {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const cookies = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${email}`);
  return session;
}
