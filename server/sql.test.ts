// Statements on the driver under the app's Prisma client (./sql.ts), on whichever database the
// suite runs on: values are parameters, a transaction is all or nothing, a unique index's
// refusal is recognisable, and the driver is the client's own connection, not a second one.
import { afterAll, describe, expect, it } from "vitest";
import { createScratchDatabase, suiteProvider } from "@/lib/test/scratch-database";

const provider = suiteProvider();
const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.url;
const { db } = await import("@/server/db");
const { Prisma } = await import("@/server/generated/prisma/client");
const { driverOf, isUniqueViolation } = await import("@/server/prisma-client");
const { select, toQuery, transaction } = await import("./sql");

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

const insertUser = (id: string, email: string) =>
  Prisma.sql`INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "createdAt") VALUES (${id}, ${email}, ${"O'Brien; DROP TABLE \"User\""}, ${"x"}, ${"student"}, ${new Date("2026-11-22T09:00:00.000Z")})`;

describe("statements on the driver", () => {
  it("store and read values as parameters, quotes and all, as the model API reads them", async () => {
    await transaction([insertUser("u1", "one@example.org")]);
    const rows = await select<{ id: string; name: string }>(Prisma.sql`SELECT "id", "name" FROM "User" WHERE "email" = ${"one@example.org"}`);
    expect(rows).toEqual([{ id: "u1", name: "O'Brien; DROP TABLE \"User\"" }]);
    const user = await db.user.findUniqueOrThrow({ where: { id: "u1" } });
    expect(user.createdAt.toISOString()).toBe("2026-11-22T09:00:00.000Z");
    expect(user.role).toBe("student");
  });

  it("store all of a transaction or none of it, and throw a unique refusal isUniqueViolation names", async () => {
    const error = await transaction([insertUser("u2", "two@example.org"), insertUser("u3", "one@example.org")]).catch((e: unknown) => e);
    expect(isUniqueViolation(error, "email")).toBe(true);
    expect(await db.user.findUnique({ where: { id: "u2" } })).toBeNull();
    // The connection is free again: the next transaction and the model API both go on.
    await transaction([insertUser("u2", "two@example.org")]);
    expect(await db.user.count()).toBe(2);
  });

  it("refuse only the transaction whose statement failed when several arrive together, and store the others whole", async () => {
    const driver = await driverOf(db);
    const begin = driver.startTransaction.bind(driver);
    let begun = 0;
    driver.startTransaction = (...args) => (begun++, begin(...args));
    try {
      const outcomes = await Promise.allSettled([
        transaction([insertUser("g1", "g1@example.org"), insertUser("g2", "g2@example.org")]),
        transaction([insertUser("g3", "g3@example.org"), insertUser("g4", "g1@example.org")]), // g4 repeats g1's email
        transaction([insertUser("g5", "g5@example.org")]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(outcomes[0]).toEqual({ status: "fulfilled", value: [1, 1] });
      expect(isUniqueViolation((outcomes[1] as PromiseRejectedResult).reason, "email")).toBe(true);
      const stored = await select<{ id: string }>(Prisma.sql`SELECT "id" FROM "User" WHERE "id" LIKE ${"g%"} ORDER BY "id"`);
      expect(stored.map((r) => r.id)).toEqual(["g1", "g2", "g5"]); // g3 went with g4
      // SQLite: the three shared one transaction and one COMMIT; PostgreSQL: one each, side by side.
      expect(begun).toBe(provider === "sqlite" ? 1 : 3);
    } finally {
      driver.startTransaction = begin;
      await transaction([Prisma.sql`DELETE FROM "User" WHERE "id" LIKE ${"g%"}`]);
    }
  });

  it.runIf(provider === "sqlite")("run on the client's own SQLite connection: the client sees an open transaction's rows", async () => {
    const driver = await driverOf(db);
    const tx = await driver.startTransaction();
    await tx.executeRaw(toQuery(driver, insertUser("u4", "four@example.org")));
    // A second connection would not see an uncommitted row (WAL isolation); the same one does.
    expect(await db.user.findUnique({ where: { id: "u4" } })).not.toBeNull();
    await tx.executeRaw(toQuery(driver, Prisma.sql`ROLLBACK`));
    await tx.rollback();
    expect(await db.user.findUnique({ where: { id: "u4" } })).toBeNull();
  });

  it("connect again after the client disconnects", async () => {
    const before = await driverOf(db);
    expect(await driverOf(db)).toBe(before);
    await db.$disconnect();
    expect(await db.user.count()).toBe(2);
    expect(await select(Prisma.sql`SELECT "id" FROM "User"`)).toHaveLength(2);
  });
});
