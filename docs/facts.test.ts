// Facts the docs must state for a reader, each defined once in code: the docs must agree.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL } from "@/lib/database-url.mjs";
import { DEMO_PASSWORD } from "@/prisma/demo.mjs";
import { minimumNode } from "@/scripts/lib/bootstrap.mjs";

const read = (file: string) => readFileSync(path.join(import.meta.dirname, "..", file), "utf8");

describe("the docs state the facts the code uses", () => {
  it.each([
    ["README.md", "the default database URL", DEFAULT_DATABASE_URL],
    ["docs/deploy.md", "the default database URL", DEFAULT_DATABASE_URL],
    ["README.md", "the demo password", DEMO_PASSWORD],
  ])("%s: %s", (file, _fact, value) => {
    expect(read(file)).toContain(`\`${value}\``);
  });

  it.each(["README.md", "docs/deploy.md"])("%s: the oldest Node.js (package.json's engines)", (file) => {
    expect(minimumNode()).toMatch(/^\d+\.\d+$/);
    expect(read(file)).toContain(`Node.js ${minimumNode()}`);
  });
});
