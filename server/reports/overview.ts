// Who in a class needs help, from the progress grid's rows: pure, so the rules are tested
// without a database. Three kinds, each a reason an instructor would act on:
//   below the pass mark  took a unit's quiz and has not passed it (assessments are not tests to pass)
//   inactive             no sign of work (opening a unit, an attempt) for `inactiveDays` days, or none at all
//   missing              a unit with a due date that has passed, not completed
import { assignmentStatus } from "@/lib/assignments";
import type { GridRow, GridStudent } from "./grid";

export const INACTIVE_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export type HelpList = {
  belowPass: { student: GridStudent; units: string[] }[];
  inactive: { student: GridStudent; lastActive: Date | null }[];
  missing: { student: GridStudent; units: string[] }[];
};

/** When the student last did anything in the course, or null when never. */
export function lastActive(row: GridRow): Date | null {
  return Object.values(row.cells).reduce<Date | null>((max, c) => (c.lastActivity && (!max || c.lastActivity > max) ? c.lastActivity : max), null);
}

export function whoNeedsHelp(
  rows: readonly GridRow[],
  units: readonly { slug: string; kind: "unit" | "assessment" }[],
  dueAt: ReadonlyMap<string, Date>,
  now: Date,
  inactiveDays = INACTIVE_DAYS,
): HelpList {
  const graded = units.filter((u) => u.kind === "unit").map((u) => u.slug);
  const cutoff = now.getTime() - inactiveDays * DAY_MS;
  const out: HelpList = { belowPass: [], inactive: [], missing: [] };
  for (const row of rows) {
    const below = graded.filter((slug) => row.cells[slug]?.status === "completed");
    if (below.length) out.belowPass.push({ student: row.student, units: below });
    const last = lastActive(row);
    if (!last || last.getTime() < cutoff) out.inactive.push({ student: row.student, lastActive: last });
    const missing = [...dueAt].filter(([slug, due]) => assignmentStatus(due, row.cells[slug]?.completedAt ?? null, now) === "missing").map(([slug]) => slug);
    if (missing.length) out.missing.push({ student: row.student, units: missing });
  }
  return out;
}
