import { describe, expect, it } from "vitest";
import { Prisma } from "./generated/prisma/client";
import { isUniqueViolation, poolSize, uniqueViolationFields } from "./prisma-client";

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

describe("unique-constraint errors name their columns for either adapter", () => {
  const p2002 = (cause: object) =>
    new Prisma.PrismaClientKnownRequestError("Unique constraint failed", {
      code: "P2002",
      clientVersion: "6.19.3",
      meta: { modelName: "QuizAttempt", driverAdapterError: { name: "DriverAdapterError", cause } },
    });
  it.each([
    ["SQLite", { kind: "UniqueConstraintViolation", constraint: { fields: ["userId", "submissionKey"] } }],
    ["PostgreSQL", { kind: "UniqueConstraintViolation", constraint: { fields: ['"userId"', '"submissionKey"'] } }],
    ["PostgreSQL without detail", { kind: "UniqueConstraintViolation", originalMessage: 'duplicate key value violates unique constraint "QuizAttempt_userId_submissionKey_key"' }],
  ])("%s", (_name, cause) => {
    const fields = uniqueViolationFields(p2002(cause));
    expect(fields).toContain("submissionKey");
    expect(fields).not.toContain("attemptNumber");
  });
  it("says whether a write failed on a unique index, and on which", () => {
    const error = p2002({ kind: "UniqueConstraintViolation", constraint: { fields: ["userId", "submissionKey"] } });
    expect(isUniqueViolation(error)).toBe(true);
    expect(isUniqueViolation(error, "submissionKey")).toBe(true);
    expect(isUniqueViolation(error, "attemptNumber")).toBe(false);
    expect(isUniqueViolation(new Error("boom"))).toBe(false);
  });
  it("other errors name none", () => {
    expect(uniqueViolationFields(new Error("boom"))).toEqual([]);
    expect(uniqueViolationFields(new Prisma.PrismaClientKnownRequestError("x", { code: "P2025", clientVersion: "6.19.3" }))).toEqual([]);
  });
});
