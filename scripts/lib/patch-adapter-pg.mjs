// @prisma/adapter-pg 6.19.3 cannot read columns of PostgreSQL's `name` type (OID 19), which
// the migrations bookkeeping of `prisma migrate deploy` reads: "Column type 'name' could not be
// deserialized" (prisma/orm#27403). Prisma 7's adapter maps `name` to text; this adds the same
// one case to the installed copy. Idempotent; prisma.config.ts runs it for PostgreSQL URLs, so
// no install hook is needed (npm 11 runs none without approval). Temporary: remove it on
// Prisma 7 (docs/decisions/016-adapter-pg-patch.md).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const MARK = "/* patched by scripts/lib/patch-adapter-pg.mjs */";
// "char" (18) and name (19): read by the migrations table bookkeeping and by introspection.
const CASES = `    case 18: case 19: ${MARK}\n`;
const ANCHOR = "    case ScalarColumnType.BPCHAR:\n";

/** Patches node_modules/@prisma/adapter-pg under `root`; returns the files changed. */
export function patchAdapterPg(root) {
  const dir = path.join(root, "node_modules", "@prisma", "adapter-pg");
  const changed = [];
  if (!existsSync(dir)) return changed;
  const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  if (!version.startsWith("6.")) return changed; // 7.x maps `name` itself
  for (const file of ["dist/index.js", "dist/index.mjs"]) {
    const full = path.join(dir, file);
    const text = readFileSync(full, "utf8");
    if (text.includes(MARK)) continue;
    if (text.split(ANCHOR).length !== 2) {
      throw new Error(`@prisma/adapter-pg ${version}: ${file} changed shape; update scripts/lib/patch-adapter-pg.mjs`);
    }
    writeFileSync(full, text.replace(ANCHOR, CASES + ANCHOR));
    changed.push(file);
  }
  return changed;
}
