// A question's version id: a hash of its whole definition, so any edit makes a new version.
// Pure (no server-only marker) because the load-seeding script stores versions too.
import { createHash } from "node:crypto";
import type { QuestionDefinition } from "@/server/content/quiz-types";

// Definitions are built once per process and never change, so each is hashed once.
const versions = new WeakMap<QuestionDefinition, string>();

export function questionVersion(q: QuestionDefinition): string {
  let version = versions.get(q);
  if (!version) {
    version = createHash("sha256").update(JSON.stringify(q)).digest("hex").slice(0, 32);
    versions.set(q, version);
  }
  return version;
}
