import { describe, expect, it } from "vitest";
import { blockUntil, slowdownMs, PASSWORD_ACCOUNT_ADDRESS, type LimitPolicy } from "./rate-limit-rules";

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
    expect(slowdownMs(2, PASSWORD_ACCOUNT_ADDRESS)).toBe(0);
  });
});
