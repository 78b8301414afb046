import "server-only";
// A first-come-first-served gate for a route that a whole class may hit at once (quiz
// submissions). At most `capacity` requests run at a time; the rest wait in arrival order, so
// no request starves behind later ones (without it, 200 submissions in flight finished in
// whatever order the event loop and the database lock happened to pick: p99 was 25 × p50).
// When the wait a new request can expect passes `maxWaitMs`, it is not queued at all: it gets
// a Busy answer at once, which the route turns into 503 with Retry-After, and the browser sends
// the same submission again then (same submission key: nothing is stored twice).

export class Busy {
  constructor(readonly retryAfterSeconds: number) {}
}

export class Admission {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** A running average of how long one admitted request takes, for the expected wait. */
  private serviceMs: number;

  constructor(
    readonly capacity: number,
    readonly maxWaitMs: number,
    initialServiceMs = 10,
  ) {
    this.serviceMs = initialServiceMs;
  }

  /** How long a request arriving now can expect to wait before it runs, in ms. */
  expectedWaitMs(): number {
    return this.active < this.capacity ? 0 : ((this.waiting.length + 1) / this.capacity) * this.serviceMs;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `fn` when its turn comes, or answers Busy at once when the wait would be too long. */
  async run<T>(fn: () => Promise<T>): Promise<T | Busy> {
    const wait = this.expectedWaitMs();
    if (wait > this.maxWaitMs) return new Busy(Math.max(1, Math.ceil(wait / 1000)));
    if (this.active < this.capacity) this.active++;
    else await new Promise<void>((admit) => this.waiting.push(admit)); // the slot is handed over on release
    const started = performance.now();
    try {
      return await fn();
    } finally {
      this.serviceMs = 0.9 * this.serviceMs + 0.1 * (performance.now() - started);
      const next = this.waiting.shift();
      // The slot goes to the longest waiting (nobody can jump the queue), in the next turn of
      // the event loop: the requests still on their way to the gate (Node's and Next.js's
      // handling before the route) move on first. Handed over at once, one turn of the loop
      // ran submission after submission while those waited; the last of a burst of 200 new
      // requests then took 4–6 × the median (docs/benchmarks.md, issue 16).
      if (next) setImmediate(next);
      else this.active--;
    }
  }
}
