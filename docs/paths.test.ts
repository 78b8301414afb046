// Docs and comments name files that exist: README.md, lessons/README.md and docs/**/*.md in
// full, and the comments of every source file (.ts, .tsx, .mjs, .mts, .prisma). What counts as
// a path (and what is skipped: globs, placeholders, URLs): docs/paths.ts.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { commentsOf, missingPaths, namedPaths } from "./paths";

const root = path.resolve(import.meta.dirname, "..");
const SKIP = new Set(["node_modules", ".next", ".git", "generated", "test-results", "playwright-report", "data", "backups", ".cache"]);

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    if (SKIP.has(e.name)) return [];
    const rel = dir ? `${dir}/${e.name}` : e.name;
    return e.isDirectory() ? filesUnder(rel) : [rel];
  });
}

describe("finding the paths a text names", () => {
  it("finds repository paths, root files, relative paths and Markdown links", () => {
    const text = [
      "Answers go to `app/api/attempts/route.ts` (see server/quiz/attempts.ts).",
      "Set it in package.json, and read [the deploy guide](deploy.md#backups) or ../README.md.",
      "Pages: app/(student)/lessons/[slug]/page.tsx, lessons/.",
    ].join("\n");
    expect(namedPaths(text, "docs/architecture.md").sort()).toEqual(
      ["README.md", "app/(student)/lessons/[slug]/page.tsx", "app/api/attempts/route.ts", "docs/deploy.md", "lessons", "package.json", "server/quiz/attempts.ts"].sort(),
    );
  });

  it("skips URLs, packages, database URLs, globs, placeholders and GitHub references", () => {
    const text = [
      "Open /lessons/lone-wolf or https://example.org/docs/x.md; install @prisma/client.",
      "DATABASE_URL=file:./data/x.db; tests in e2e/*.spec.ts and server/grading/*.ts.",
      "New records are docs/decisions/NNN-title.md; units lessons/NN-slug.mdx, e2e/<spec>.ts, app/….",
      "Known bug: prisma/orm#27403. [a link](https://example.org) and [an anchor](#top).",
    ].join("\n");
    expect(namedPaths(text, "README.md")).toEqual([]);
  });

  it("reads only the comments of a source file", () => {
    const source = [
      'import { db } from "server/db"; // the client: server/prisma-client.ts',
      "/**",
      " * Stored by server/quiz/attempts.ts.",
      " */",
      'const url = "https://example.org/app/page.tsx";',
    ].join("\n");
    expect(namedPaths(commentsOf(source), "server/x.ts").sort()).toEqual(["server/prisma-client.ts", "server/quiz/attempts.ts"]);
  });

  it("reports a named path that does not exist, and only that one", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "bth-paths-"));
    try {
      mkdirSync(path.join(dir, "server", "quiz"), { recursive: true });
      writeFileSync(path.join(dir, "server", "quiz", "attempts.ts"), "");
      const text = "Answers: app/(student)/lessons/[slug]/actions.ts → server/quiz/attempts.ts.";
      expect(missingPaths(text, "docs/architecture.md", dir)).toEqual(["app/(student)/lessons/[slug]/actions.ts"]);
      rmSync(path.join(dir, "server", "quiz", "attempts.ts"));
      expect(missingPaths(text, "docs/architecture.md", dir)).toEqual(["app/(student)/lessons/[slug]/actions.ts", "server/quiz/attempts.ts"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the repository", () => {
  const files = filesUnder("");
  const docs = files.filter((f) => f === "README.md" || f === "lessons/README.md" || (f.startsWith("docs/") && f.endsWith(".md")));
  const sources = files.filter((f) => /\.(?:ts|tsx|mjs|mts|prisma)$/.test(f) && f !== "docs/paths.test.ts");

  it("scans the docs and the sources", () => {
    expect(docs).toEqual(expect.arrayContaining(["README.md", "lessons/README.md", "docs/architecture.md"]));
    expect(sources.length).toBeGreaterThan(50);
  });

  it.each(docs)("%s names only paths that exist", (file) => {
    expect(missingPaths(readFileSync(path.join(root, file), "utf8"), file, root)).toEqual([]);
  });

  it("docs/architecture.md's route table lists every page and route handler", () => {
    const architecture = readFileSync(path.join(root, "docs/architecture.md"), "utf8");
    const routes = files.filter((f) => f.startsWith("app/") && /\/(?:page\.tsx|route\.ts)$/.test(f));
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.filter((f) => !architecture.includes(`\`${f}\``))).toEqual([]);
  });

  it("comments in the sources name only paths that exist", () => {
    const missing = sources.flatMap((file) => missingPaths(commentsOf(readFileSync(path.join(root, file), "utf8")), file, root).map((p) => `${file}: ${p}`));
    expect(missing).toEqual([]);
  });
});
