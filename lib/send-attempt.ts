// Sending a quiz submission from the browser. When a whole class submits at once the server may
// answer 503 with Retry-After (server/quiz/gate.ts); this waits that long and sends the very same
// body again — the same submission key, so the server stores it at most once — until it is
// stored, refused for a reason the student must act on, or the tries run out. The answers stay
// on screen (and in the draft) throughout.
import type { SubmitResult } from "./quiz";

export const NETWORK_PROBLEM = "Your answers could not be sent (network problem). They are still here: submit again.";
export const STILL_BUSY = "The server is still busy and your answers were not saved yet. They are still here: submit again in a minute.";

export type SendOptions = {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Called before each wait with the seconds it lasts, so the page can say so. */
  onBusy?: (seconds: number) => void;
  /** Sends at most this many times in all (default 8: about a minute of waiting at the server's usual 2–5 s). */
  maxTries?: number;
  /** 0 ≤ r < 1; spreads the retries of a class that was turned away at the same moment. */
  random?: () => number;
};

/** The wait a 503 asks for, in seconds: its Retry-After (whole seconds, 1–60), else 2. */
export function retryAfterSeconds(header: string | null): number {
  const n = header === null ? NaN : Number(header);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 60) : 2;
}

export async function sendAttempt(body: string, options: SendOptions = {}): Promise<SubmitResult> {
  const {
    fetch: send = fetch,
    sleep = (ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    onBusy,
    maxTries = 8,
    random = Math.random,
  } = options;
  for (let tries = 1; ; tries++) {
    let response: Response;
    try {
      response = await send("/api/attempts", { method: "POST", headers: { "Content-Type": "application/json" }, body });
    } catch {
      return { ok: false, error: NETWORK_PROBLEM };
    }
    if (response.status === 503 && response.headers.has("Retry-After")) {
      if (tries >= maxTries) return { ok: false, error: STILL_BUSY };
      const seconds = retryAfterSeconds(response.headers.get("Retry-After"));
      onBusy?.(seconds);
      // Up to half as long again, so the students turned away together do not all come back together.
      await sleep(seconds * 1000 * (1 + random() / 2));
      continue;
    }
    try {
      return (await response.json()) as SubmitResult;
    } catch {
      return { ok: false, error: NETWORK_PROBLEM };
    }
  }
}
