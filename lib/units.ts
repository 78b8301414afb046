// The course's units as every part of the app counts them: which are published, and what each
// is called where a number or a short name stands for it ("Unit 3", "Before the course",
// "Pre"). Pure and shared: pages, reports, scripts and browser tests all use it (scripts and
// tests cannot import the server-only course module).

/** Published: not marked `draft: true`. A unit whose frontmatter is broken counts as published,
 * so that its problems show (in development) instead of the unit vanishing. */
export function isPublished(lesson: { frontmatter?: { draft?: boolean } | null }): boolean {
  return !lesson.frontmatter?.draft;
}

type UnitLike = { kind: "unit" | "assessment"; assessment?: "pre" | "post"; draft?: boolean };

export type UnitLabel = {
  /** 1, 2, … for published units in course order; null for assessments and drafts. */
  number: number | null;
  /** Where a title does not fit (chart axes): "Pre", "Unit 1"…, "Post". */
  short: string;
  /** Above a unit's title: "Before the course", "Unit 1"…, "After the course". */
  long: string;
};

/** The label of each unit, in the order given (the course order). */
export function unitLabels(units: UnitLike[]): UnitLabel[] {
  let n = 0;
  return units.map((u) => {
    if (u.kind === "assessment") {
      return u.assessment === "pre" ? { number: null, short: "Pre", long: "Before the course" } : { number: null, short: "Post", long: "After the course" };
    }
    if (u.draft) return { number: null, short: "Draft", long: "Unit" };
    n += 1;
    return { number: n, short: `Unit ${n}`, long: `Unit ${n}` };
  });
}

/**
 * Where a student goes on: the first unit they have opened and not finished, else the first
 * they have not started, else none (the course is done). Drafts never. In course order.
 */
export function continueWith<U extends { draft?: boolean }>(rows: { unit: U; status: "not-started" | "in-progress" | "completed" | "passed" }[]): U | null {
  const open = rows.filter((r) => !r.unit.draft);
  return (open.find((r) => r.status === "in-progress") ?? open.find((r) => r.status === "not-started"))?.unit ?? null;
}
