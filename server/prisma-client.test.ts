import { describe, expect, it } from "vitest";
import { poolSize } from "./prisma-client";

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to 10 and takes a whole number", () => {
    expect(poolSize(undefined)).toBe(10);
    expect(poolSize("")).toBe(10);
    expect(poolSize("4")).toBe(4);
  });
  it.each(["0", "-1", "2.5", "many"])("refuses %s", (value) => {
    expect(() => poolSize(value)).toThrow(/DATABASE_POOL_SIZE/);
  });
});
