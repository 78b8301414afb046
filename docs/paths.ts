// Finds the repository paths a text names, so that a test can fail when docs or comments name
// a file that does not exist (docs/paths.test.ts). The rules are deliberately simple:
//
// - A path starts with a top-level folder of the repository (`app/`, `server/`, `docs/`, …,
//   see TOP_FOLDERS) or is a root file (`README.md`, `package.json`, …, see ROOT_FILES), and
//   is not glued to a word, dot, slash, `@` or `:` on its left: `/lessons/lone-wolf` is a URL,
//   `@prisma/client` a package, `file:./data/x.db` a database URL.
// - `./<file>` and `../<file>` are relative to the folder of the file that names them; so is
//   the target of a Markdown link (`[deploy.md](deploy.md)`), unless it is a URL or an #anchor.
// - Trailing punctuation is not part of a path (`lib/quiz.ts.` names lib/quiz.ts), nor is an
//   unmatched closing bracket (`(see app/page.tsx)`).
// - Globs and placeholders are skipped: anything with `*`, `…`, `<…>`, `{…}`, `$`, or a run of
//   capital N's (`docs/decisions/NNN-title.md`, `lessons/NN-slug.mdx`). A real folder with
//   brackets (`app/(student)/lessons/[slug]/page.tsx`) is a path like any other.
// - `owner/repo#123` is a GitHub reference, not a path.
import { existsSync } from "node:fs";
import path from "node:path";

export const TOP_FOLDERS = [".ci", "app", "components", "docs", "e2e", "lessons", "lib", "prisma", "public", "scripts", "server"];
export const ROOT_FILES = [
  "README.md",
  "package.json",
  "package-lock.json",
  "tsconfig.json",
  "proxy.ts",
  "next.config.ts",
  "prisma.config.ts",
  "vitest.config.ts",
  "playwright.config.ts",
  "eslint.config.mjs",
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NOT_GLUED = String.raw`(?<![\w.@/:-])`;
const PATH_CHARS = String.raw`[\w.\-\[\]()@/…*<>{}$]*`;
const TOKEN = new RegExp(
  [
    `${NOT_GLUED}(?:${TOP_FOLDERS.map(esc).join("|")})/${PATH_CHARS}`,
    `${NOT_GLUED}(?:${ROOT_FILES.map(esc).join("|")})(?![\\w/-])`,
    `${NOT_GLUED}\\.\\.?/${PATH_CHARS}`,
  ].join("|"),
  "g",
);
const LINK = /\]\(([^)\s]+)\)/g;
const PLACEHOLDER = /[*…<>{}$]|\bN{2,}\b/;

/** Drops trailing punctuation and unmatched closing brackets. */
function trim(token: string): string {
  let t = token;
  for (;;) {
    const before = t;
    t = t.replace(/[.,:;]+$/, "");
    for (const [open, close] of [["(", ")"], ["[", "]"]]) {
      if (t.endsWith(close) && t.split(open).length < t.split(close).length) t = t.slice(0, -1);
    }
    if (t === before) return t;
  }
}

/**
 * The repository paths `text` names, relative to the repository root. `file` is where the
 * text lives (relative to the root): relative paths and Markdown links resolve against it.
 */
export function namedPaths(text: string, file: string): string[] {
  const dir = path.posix.dirname(file);
  const found = new Set<string>();
  const add = (raw: string, relative: boolean) => {
    const token = trim(raw);
    if (!token || PLACEHOLDER.test(token)) return;
    const resolved = relative ? path.posix.normalize(path.posix.join(dir, token)) : token;
    if (resolved.startsWith("..")) return;
    found.add(resolved.replace(/\/$/, "") || ".");
  };
  for (const m of text.matchAll(TOKEN)) {
    if (/^#\d/.test(text.slice(m.index + m[0].length))) continue;
    add(m[0].split("](")[0], /^\.\.?\//.test(m[0]));
  }
  for (const [, target] of text.matchAll(LINK)) {
    if (/^(?:[a-z]+:|#|\/)/i.test(target)) continue;
    add(target.split("#")[0], true);
  }
  return [...found];
}

/** The comment text of a JavaScript/TypeScript source: `//` comments and block-comment lines. */
export function commentsOf(source: string): string {
  return source
    .split("\n")
    .map((line) => {
      const trimmed = line.trim();
      if (/^(?:\/\*|\*|\{\/\*)/.test(trimmed)) return trimmed;
      const slashes = /(?<![:"'`\\])\/\/(.*)$/.exec(line);
      return slashes ? slashes[1] : "";
    })
    .join("\n");
}

/** The named paths that do not exist under `root`. */
export function missingPaths(text: string, file: string, root: string): string[] {
  return namedPaths(text, file).filter((p) => !existsSync(path.join(root, p)));
}
