// Loaded into the app server by `npm run bench:submissions` with BENCH_CONNECTIONS=1
// (NODE_OPTIONS=--import): records when each new connection reached the app (the
// http.Server's `connection` event, on the wall clock) and appends the times to the file in
// BENCH_CONNECTIONS_FILE every half second. Node takes in one new connection per turn of its
// event loop (libuv 1.45+), so the spread of these times shows how long the turns were while a
// burst of new connections waited (docs/benchmarks.md, issue 16). Not used outside benchmarks.
import { appendFileSync } from "node:fs";
import http from "node:http";
import { performance } from "node:perf_hooks";

const file = process.env.BENCH_CONNECTIONS_FILE;
if (file) {
  const times = [];
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (event, ...args) {
    if (event === "connection") times.push(performance.timeOrigin + performance.now());
    return emit.call(this, event, ...args);
  };
  const flush = () => {
    if (times.length) appendFileSync(file, times.splice(0).map((t) => `${t.toFixed(1)}\n`).join(""));
  };
  setInterval(flush, 500).unref();
  process.on("exit", flush);
}
