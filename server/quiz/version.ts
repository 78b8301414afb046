// A question's version id: a hash of its whole definition, so any edit makes a new version.
// Pure (no server-only marker) because the load-seeding script stores versions too.
import { createHash } from "node:crypto";
import type { QuestionDefinition } from "@/server/content/quiz-types";

export function questionVersion(q: QuestionDefinition): string {
  return createHash("sha256").update(JSON.stringify(q)).digest("hex").slice(0, 32);
}
