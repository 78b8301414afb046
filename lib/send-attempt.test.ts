import { describe, expect, it } from "vitest";
import { NETWORK_PROBLEM, retryAfterSeconds, sendAttempt, STILL_BUSY } from "./send-attempt";

const busy = (seconds = "3") => () => new Response(JSON.stringify({ ok: false, error: "busy" }), { status: 503, headers: { "Retry-After": seconds } });
const stored = () => new Response(JSON.stringify({ ok: true, attemptNumber: 1 }), { status: 200 });

/** A server that answers from a script, and records every body it was sent. */
function server(...answers: (() => Response)[]) {
  const bodies: string[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    const next = answers.shift();
    if (!next) throw new Error("no more answers scripted");
    return next();
  }) as unknown as typeof globalThis.fetch;
  return { fetch, bodies };
}

describe("sendAttempt", () => {
  it("sends the same body again after each 503, waiting what Retry-After says (and up to half as long again)", async () => {
    const { fetch, bodies } = server(busy("3"), busy("2"), stored);
    const waits: number[] = [];
    const told: number[] = [];
    const result = await sendAttempt('{"submissionKey":"k1"}', { fetch, sleep: async (ms) => void waits.push(ms), onBusy: (s) => told.push(s), random: () => 0.5 });
    expect(result.ok).toBe(true);
    expect(bodies).toEqual(['{"submissionKey":"k1"}', '{"submissionKey":"k1"}', '{"submissionKey":"k1"}']);
    expect(told).toEqual([3, 2]);
    expect(waits).toEqual([3750, 2500]);
  });

  it("gives up after maxTries and says the answers were not saved", async () => {
    const { fetch, bodies } = server(busy(), busy(), busy());
    const result = await sendAttempt("{}", { fetch, sleep: async () => {}, maxTries: 3 });
    expect(result).toEqual({ ok: false, error: STILL_BUSY });
    expect(bodies).toHaveLength(3);
  });

  it("does not retry a refusal the student must act on (409, 400) nor a 503 without Retry-After", async () => {
    for (const status of [409, 400, 503]) {
      const { fetch, bodies } = server(() => new Response(JSON.stringify({ ok: false, error: `refused ${status}` }), { status }));
      expect(await sendAttempt("{}", { fetch, sleep: async () => {} })).toEqual({ ok: false, error: `refused ${status}` });
      expect(bodies).toHaveLength(1);
    }
  });

  it("reports a network failure or a reply that is not JSON as a network problem", async () => {
    const failing = (async () => {
      throw new TypeError("Failed to fetch");
    }) as unknown as typeof fetch;
    expect(await sendAttempt("{}", { fetch: failing })).toEqual({ ok: false, error: NETWORK_PROBLEM });
    const { fetch } = server(() => new Response("<html>Bad gateway</html>", { status: 502 }));
    expect(await sendAttempt("{}", { fetch })).toEqual({ ok: false, error: NETWORK_PROBLEM });
  });
});

describe("retryAfterSeconds", () => {
  it("takes whole seconds from 1 to 60 and falls back to 2", () => {
    expect(retryAfterSeconds("5")).toBe(5);
    expect(retryAfterSeconds("600")).toBe(60);
    expect(retryAfterSeconds(null)).toBe(2);
    expect(retryAfterSeconds("0")).toBe(2);
    expect(retryAfterSeconds("Wed, 21 Oct 2026 07:28:00 GMT")).toBe(2);
  });
});
