import "server-only";
// Question definitions by version id. A version never changes once written (its id is the
// hash of its definition), so each is read from the database once per process.
import type { QuestionDefinition } from "@/server/content/quiz-types";
import { db } from "@/server/db";

const cache = new Map<string, QuestionDefinition & { createdAt: Date }>();

export async function questionVersions(ids: Iterable<string>): Promise<Map<string, QuestionDefinition & { createdAt: Date }>> {
  const wanted = [...new Set(ids)];
  const missing = wanted.filter((id) => !cache.has(id));
  if (missing.length) {
    const rows = await db.questionVersion.findMany({ where: { id: { in: missing } }, select: { id: true, definition: true, createdAt: true } });
    for (const r of rows) cache.set(r.id, { ...(JSON.parse(r.definition) as QuestionDefinition), createdAt: r.createdAt });
  }
  return new Map(wanted.flatMap((id) => (cache.has(id) ? [[id, cache.get(id)!] as const] : [])));
}
