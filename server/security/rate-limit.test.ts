import { describe, expect, it } from "vitest";
import { blockUntil, slowdownMs, SIGN_IN_ACCOUNT, type LimitPolicy } from "./rate-limit-rules";
import { clientAddress } from "./rate-limit";

const policy: LimitPolicy = { limit: 3, windowMs: 60_000, blockMs: 300_000, slowFrom: 2 };
const t0 = new Date("2026-11-22T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("rate limit rules", () => {
  it("blocks at the limit, for the block time", () => {
    expect(blockUntil(2, policy, t0)).toBeNull();
    expect(blockUntil(3, policy, t0)).toEqual(at(300_000));
    expect(blockUntil(9, policy, t0)).toEqual(at(300_000));
  });
  it("slows down from the threshold, capped", () => {
    expect(slowdownMs(1, policy)).toBe(0);
    expect(slowdownMs(2, policy)).toBe(500);
    expect(slowdownMs(3, policy)).toBe(1000);
    expect(slowdownMs(100, policy)).toBe(4000);
    expect(slowdownMs(2, SIGN_IN_ACCOUNT)).toBe(0);
  });
});

describe("client address", () => {
  it("takes the last X-Forwarded-For entry, which a client cannot forge", () => {
    expect(clientAddress("1.2.3.4, 10.0.0.9")).toBe("10.0.0.9");
    expect(clientAddress("::1")).toBe("::1");
    expect(clientAddress(null)).toBe("unknown");
    expect(clientAddress("x".repeat(500)).length).toBe(64);
  });
});
