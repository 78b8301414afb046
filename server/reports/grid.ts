// The class progress grid: one row per student, one cell per unit. Sorting and filtering are
// pure and driven by the page's query string (a plain GET form, so they work without script).
import { z } from "zod";
import type { UnitProgress, UnitStatus } from "./progress";

export const UNIT_STATUSES = ["not-started", "in-progress", "completed", "passed"] as const satisfies readonly UnitStatus[];
const RANK: Record<UnitStatus, number> = { "not-started": 0, "in-progress": 1, completed: 2, passed: 3 };
const NOT_STARTED: UnitProgress = { status: "not-started", bestFraction: null, attempts: 0, awaiting: 0, completedAt: null, lastActivity: null };

export type GridStudent = { id: string; name: string; email: string };
export type GridRow = { student: GridStudent; cells: Record<string, UnitProgress>; passed: number; completed: number; score: number };

/** Query-string parameters; anything malformed falls back to the default instead of failing. */
export const gridQuerySchema = z.object({
  /** "name", "progress", or a unit slug (sorts by that unit's best score) */
  sort: z.string().max(80).regex(/^[a-z0-9-]+$/).catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).catch("asc").default("asc"),
  /** with status: only students whose status in this unit is that */
  unit: z.string().max(80).regex(/^[a-z0-9-]*$/).catch("").default(""),
  status: z.enum([...UNIT_STATUSES, ""]).catch("").default(""),
  /** part of a name or email */
  q: z.string().trim().max(80).catch("").default(""),
  /** 0-based page of GRID_PAGE_SIZE rows */
  page: z.coerce.number().int().min(0).max(10_000).catch(0).default(0),
});
export type GridQuery = z.infer<typeof gridQuerySchema>;

/**
 * Rows per page of the grid. A 300-student grid on one page is most of a megabyte of HTML
 * (the App Router sends the tree twice: as HTML and as its payload) and most of the server
 * time; a hundred rows keep the page quick and still show a whole class of ordinary size.
 */
export const GRID_PAGE_SIZE = 100;

export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? (v[0] ?? "") : v]])));
}

export function gridRows(students: readonly GridStudent[], progress: Map<string, Map<string, UnitProgress>>, unitSlugs: readonly string[]): GridRow[] {
  return students.map((student) => {
    const mine = progress.get(student.id);
    const cells = Object.fromEntries(unitSlugs.map((slug) => [slug, mine?.get(slug) ?? NOT_STARTED]));
    const statuses = Object.values(cells).map((c) => c.status);
    return {
      student,
      cells,
      passed: statuses.filter((s) => s === "passed").length,
      completed: statuses.filter((s) => s === "passed" || s === "completed").length,
      score: statuses.reduce((sum, s) => sum + RANK[s], 0),
    };
  });
}

export function filterAndSort(rows: readonly GridRow[], query: GridQuery): GridRow[] {
  const needle = query.q.toLowerCase();
  const kept = rows.filter(
    (r) =>
      (!needle || r.student.name.toLowerCase().includes(needle) || r.student.email.toLowerCase().includes(needle)) &&
      (!query.unit || !query.status || r.cells[query.unit]?.status === query.status),
  );
  const byName = (a: GridRow, b: GridRow) => a.student.name.localeCompare(b.student.name) || a.student.email.localeCompare(b.student.email);
  const key = (r: GridRow): number =>
    // progress: units passed first, then units completed, then any start (fewer than 100 units)
    query.sort === "progress" ? r.passed * 10_000 + r.completed * 100 + r.score : query.sort in r.cells ? (r.cells[query.sort].bestFraction ?? -1) : 0;
  const sign = query.dir === "desc" ? -1 : 1;
  // Ties (and the name sort) fall back to name order, so the order is always the same.
  return kept.sort((a, b) => (query.sort === "name" ? 0 : sign * (key(a) - key(b))) || (query.sort === "name" ? sign : 1) * byName(a, b));
}

/** Page `page` (0-based) of `size` rows; a page past the end gives the last (the grid, the written answers queue). */
export function pageOf<T>(rows: readonly T[], page: number, size = GRID_PAGE_SIZE): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const at = Math.min(page, pages - 1);
  return { rows: rows.slice(at * size, (at + 1) * size), page: at, pages };
}

/** How many students are at each status in each unit (the progress-distribution chart). */
export function statusCounts(rows: readonly GridRow[], unitSlug: string): Record<UnitStatus, number> {
  const counts: Record<UnitStatus, number> = { "not-started": 0, "in-progress": 0, completed: 0, passed: 0 };
  for (const r of rows) counts[r.cells[unitSlug]?.status ?? "not-started"]++;
  return counts;
}
