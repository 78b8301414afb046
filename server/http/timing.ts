import "server-only";
// Where a request's time goes, as a standard Server-Timing header — only when SERVER_TIMING=1
// (the benchmarks set it; docs/benchmarks.md). Off, `timed` just calls the function: no cost,
// and no timing information reaches a browser. Spans nest freely; the header lists each
// span's total (ms) for the request, e.g. `session;dur=0.6, db-insert;dur=2.1`.
import { AsyncLocalStorage } from "node:async_hooks";

export const SERVER_TIMING = process.env.SERVER_TIMING === "1";

type Spans = Map<string, number>;
const current = new AsyncLocalStorage<Spans>();

/** Runs `fn`, adding its duration to span `name` of the request being timed, if any. */
export async function timed<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  const spans = SERVER_TIMING ? current.getStore() : undefined;
  if (!spans) return fn();
  const start = performance.now();
  try {
    return await fn();
  } finally {
    spans.set(name, (spans.get(name) ?? 0) + performance.now() - start);
  }
}

/** Runs a request's handler with a fresh set of spans and adds them to its response as Server-Timing. */
export async function withServerTiming(fn: () => Promise<Response>): Promise<Response> {
  if (!SERVER_TIMING) return fn();
  const spans: Spans = new Map();
  const start = performance.now();
  const response = await current.run(spans, fn);
  spans.set("total", performance.now() - start);
  response.headers.set("Server-Timing", [...spans].map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(", "));
  return response;
}
