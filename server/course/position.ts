import "server-only";
// Where a person is in the course: every unit they may see with its progress, and the one to
// continue with (lib/units.ts continueWith). The course page and the home page's
// "Continue" button (GET /api/continue) both read it, so they always agree.
import { canSeeDrafts } from "@/lib/roles";
import { continueWith, isPublished } from "@/lib/units";
import type { CurrentUser } from "@/server/auth";
import { getCourse, summarise } from "@/server/content/course";
import { progressFor, unitStatus, type UnitProgress } from "@/server/reports/progress";

export async function coursePosition(user: Pick<CurrentUser, "id" | "role">) {
  const units = (await getCourse()).filter((l) => isPublished(l) || canSeeDrafts(user.role)).map(summarise);
  const progress = (await progressFor([user.id])).get(user.id) ?? new Map<string, UnitProgress>();
  const rows = units.map((u) => ({ unit: u, progress: progress.get(u.slug) ?? unitStatus(undefined, []) }));
  const next = continueWith(rows.map((r) => ({ unit: r.unit, status: r.progress.status })));
  const started = rows.some((r) => r.progress.status !== "not-started");
  return { units, rows, next, started };
}
