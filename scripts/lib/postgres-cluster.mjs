// A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, a
// server on a free loopback port (nothing else can reach it; trust authentication), removed
// again by stop() — which also runs when the process exits, fails or is interrupted.
//   PG_BIN   folder of initdb/pg_ctl/psql (default /usr/lib/postgresql/15/bin)
//   PG_PORT  port to use (default: any free port the system hands out)
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export const pgBin = () => process.env.PG_BIN || "/usr/lib/postgresql/15/bin";

/** Whether the PostgreSQL server binaries are installed. */
export const postgresInstalled = () => ["initdb", "pg_ctl", "postgres", "psql"].every((b) => existsSync(path.join(pgBin(), b)));

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a cluster; resolves to { url(db), createDatabase(name), stop() }. initdb refuses to
 * run as root, so as root the cluster belongs to the `postgres` system user. `durable: false`
 * (tests) switches off fsync; the benchmark keeps PostgreSQL's defaults.
 */
export async function startCluster({ durable = false, log = console.log } = {}) {
  const port = Number(process.env.PG_PORT || (await freePort()));
  const dir = mkdtempSync(path.join(os.tmpdir(), "bth-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const id = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
    if (id.status !== 0) throw new Error("Running as root needs the `postgres` system user (apt-get install postgresql-15 creates it).");
    chownSync(dir, Number(id.stdout.trim()), -1);
  }
  const bin = (name) => path.join(pgBin(), name);
  const exec = (name, args) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", bin(name), ...args]] : [bin(name), args];
    const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Error(`${name} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
    return r.stdout;
  };

  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(path.join(data, "postmaster.pid"))) {
      try {
        exec("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch (error) {
        console.error(String(error));
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  process.on("exit", stop);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => {
      stop();
      process.exit(130);
    });
  }

  try {
    exec("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-sync"]);
    const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses=127.0.0.1", "-c max_connections=200"];
    if (!durable) options.push("-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off");
    exec("pg_ctl", ["-D", data, "-l", path.join(dir, "server.log"), "-o", options.join(" "), "-w", "-t", "60", "start"]);
  } catch (error) {
    const serverLog = path.join(dir, "server.log");
    if (existsSync(serverLog)) console.error(readFileSync(serverLog, "utf8"));
    stop();
    throw error;
  }
  log(`PostgreSQL ${/\d+(\.\d+)?/.exec(exec("postgres", ["--version"]))?.[0]} on 127.0.0.1:${port} (${dir}, removed afterwards)`);

  const url = (db = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    /** Creates database `name` (letters, digits, _); returns its URL. */
    createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Bad database name ${name}`);
      exec("psql", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", "-v", "ON_ERROR_STOP=1", "-qc", `CREATE DATABASE ${name}`]);
      return url(name);
    },
    stop,
  };
}
