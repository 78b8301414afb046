import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseProvider, databaseUrl, sqliteFilePath } from "./database-url.mjs";

describe("DATABASE_URL picks the database", () => {
  it.each([
    ["file:./data/x.db", "sqlite"],
    ["file:/tmp/test.db?connection_limit=1", "sqlite"],
    ["postgresql://app:secret@db.example.net:5432/headline?sslmode=verify-full", "postgresql"],
    ["postgres://app@127.0.0.1/headline", "postgresql"],
  ])("%s → %s", (url, provider) => {
    expect(databaseProvider(url)).toBe(provider);
  });

  it("refuses anything else without echoing the URL (it may hold a password)", () => {
    expect(() => databaseProvider("mysql://root:hunter2@db/x")).toThrow(/must be a file: URL .* or a postgresql:\/\/ URL, got "mysql:…"/);
    expect(() => databaseProvider("mysql://root:hunter2@db/x")).not.toThrow(/hunter2/);
    expect(() => databaseProvider("")).toThrow();
  });

  it("resolves a SQLite file against the working folder and refuses a server URL", () => {
    expect(sqliteFilePath("file:./data/x.db?mode=rwc", "/srv/app")).toBe("/srv/app/data/x.db");
    expect(() => sqliteFilePath("postgresql://h/db", "/srv/app")).toThrow(/file: URL for SQLite/);
  });

  it("defaults to the SQLite file when DATABASE_URL is unset or empty", () => {
    expect(databaseUrl({})).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "" })).toBe(DEFAULT_DATABASE_URL);
    expect(databaseUrl({ DATABASE_URL: "postgresql://h/db" })).toBe("postgresql://h/db");
    expect(databaseProvider(DEFAULT_DATABASE_URL)).toBe("sqlite");
  });
});
