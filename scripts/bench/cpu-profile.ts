// Summarises V8 CPU profiles (node --cpu-prof) of the app under load: self time grouped by
// where the code lives, so the benchmark can say how much goes to Next.js, to React, to the
// session (next-auth, jose), to Prisma and SQLite, to validation, and to the app's own code.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Node = { id: number; callFrame: { functionName: string; url: string }; hitCount?: number };
type Profile = { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

/** Where a function's code lives, by its script's URL. Order matters: first match wins. */
export const PLACES: [string, RegExp][] = [
  ["session: next-auth, jose", /next-auth|[/\\]jose[/\\]|@panva/],
  ["database: Prisma client", /@prisma[/\\]client|generated[/\\]prisma|prisma-client|query_compiler|query-compiler/],
  // Prisma 6's JavaScript engine plans each query in WebAssembly (its query compiler); nothing
  // else in this app runs wasm.
  ["database: Prisma query compiler (wasm)", /^wasm:/],
  ["database: SQLite driver", /better-sqlite3|adapter-better-sqlite3/],
  ["database: PostgreSQL driver", /[/\\]pg[/\\]|adapter-pg|pg-protocol/],
  ["validation: zod", /[/\\]zod[/\\]/],
  ["React (server rendering)", /react-dom|react-server|[/\\]react[/\\]/],
  ["Next.js", /[/\\]next[/\\]dist/],
  ["app code (.next/server chunks)", /\.next[/\\]server/],
  ["Node.js internals (HTTP, streams, timers)", /^node:|^internal[/\\]/],
];

export function placeOf(url: string, functionName: string): string {
  if (!url) return functionName === "(garbage collector)" ? "garbage collection" : functionName === "(idle)" ? "idle" : functionName === "(program)" ? "V8 (program)" : "native";
  const place = PLACES.find(([, pattern]) => pattern.test(url))?.[0];
  if (place) return place;
  // Any other package by its name, so no cost hides in a bucket called "other".
  const pkg = /node_modules[/\\]((?:@[^/\\]+[/\\])?[^/\\]+)/.exec(url)?.[1];
  return pkg ? `package: ${pkg.replace(/\\/g, "/")}` : `other: ${url.slice(0, 60)}`;
}

/**
 * Self time of every profile in `dir`, by place, busiest first, in ms and as a share of busy
 * time; and the busiest functions. With `window` (µs on the monotonic clock V8 stamps samples
 * with, the same as process.hrtime), only the samples taken in it: the load, without the
 * server's start and the students' sign-ins.
 */
export function summariseCpuProfiles(dir: string, window?: [number, number]) {
  const totals = new Map<string, number>();
  const functions = new Map<string, number>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    let at = profile.startTime;
    profile.samples.forEach((id, i) => {
      at += profile.timeDeltas[i] ?? 0;
      if (window && (at < window[0] || at > window[1])) return;
      const node = byId.get(id);
      if (!node) return;
      const place = placeOf(node.callFrame.url, node.callFrame.functionName);
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      totals.set(place, (totals.get(place) ?? 0) + ms);
      const where = node.callFrame.url.replace(/^.*node_modules[/\\]/, "").replace(/^.*\.next[/\\]/, ".next/");
      const fn = `${node.callFrame.functionName || "(anonymous)"} ${where}`;
      functions.set(fn, (functions.get(fn) ?? 0) + ms);
    });
  }
  const busy = [...totals].filter(([place]) => place !== "idle").reduce((sum, [, ms]) => sum + ms, 0);
  const share = (ms: number) => `${((ms / busy) * 100).toFixed(1)}%`;
  return {
    byPlace: [...totals]
      .filter(([place]) => place !== "idle")
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([place, ms]) => ({ place, selfMs: Math.round(ms), share: share(ms) })),
    topFunctions: [...functions]
      .filter(([fn]) => !fn.startsWith("(idle)"))
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([fn, ms]) => ({ function: fn.slice(0, 90), selfMs: Math.round(ms), share: share(ms) })),
  };
}
