import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { BarChart } from "@/components/charts/BarChart";
import { unitLabels } from "@/lib/units";
import { ClassNav } from "@/components/instructor/ClassNav";
import { STATUS_COLOURS } from "@/components/instructor/colours";
import { requireOwnClass } from "@/server/access";
import { reportUnits } from "@/server/reports/classes";
import { filterAndSort, firstValues, GRID_PAGE_SIZE, gridQuerySchema, gridRows, pageOf, statusCounts, UNIT_STATUSES, type GridQuery } from "@/server/reports/grid";
import { progressFor, STATUS_LABELS } from "@/server/reports/progress";
import { formatDate, formatPercent } from "@/lib/format";
import { ASSIGNMENT_LABELS, assignmentStatus, formatShortDay } from "@/lib/assignments";
import { classAssignments } from "@/server/assignments";
import { isLmsClass } from "@/server/lti/ags-store";
import { INACTIVE_DAYS, lastActive, whoNeedsHelp, type HelpList } from "@/server/reports/overview";

export const metadata: Metadata = { title: "Class progress" };

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ClassProgressPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { klass } = await requireOwnClass(classId);
  const query = gridQuerySchema.parse(firstValues(await searchParams));
  const units = await reportUnits();
  const students = klass.enrollments.map((e) => e.user);
  const all = gridRows(students, await progressFor(students.map((s) => s.id)), units.map((u) => u.slug));
  const kept = filterAndSort(all, query);
  const { rows, page, pages } = pageOf(kept, query.page);
  const base = `/instructor/classes/${klass.id}`;
  const sortLink = (sort: string) => {
    const dir = query.sort === sort && query.dir === "asc" ? "desc" : "asc";
    const p = new URLSearchParams({ ...query, sort, dir, page: "0" });
    return `${base}?${p.toString()}`;
  };
  const pageLink = (to: number) => `${base}?${new URLSearchParams({ ...query, page: String(to) }).toString()}`;
  const sortState = (sort: string) => (query.sort === sort ? (query.dir === "asc" ? "ascending" : "descending") : undefined);
  const counts = units.map((u) => statusCounts(all, u.slug));
  const labels = unitLabels(units);
  const assignments = await classAssignments(klass.id);
  const now = new Date();
  const help = whoNeedsHelp(all, units, new Map([...assignments].map(([slug, a]) => [slug, a.dueAt])), now);
  const titleOf = new Map(units.map((u, i) => [u.slug, labels[i].short]));

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="" />
      <p>
        {students.length} student{students.length === 1 ? "" : "s"} · join code{" "}
        {klass.joinCode ? (
          <>
            <code>{klass.joinCode}</code> (<PageLink href={`${base}/join`}>show it to the room</PageLink>)
          </>
        ) : (
          "switched off"
        )}{" "}
        · download{" "}
        <a href={`${base}/export/progress`} download>
          progress (CSV)
        </a>{" "}
        or{" "}
        <a href={`${base}/export/responses`} download>
          every answer (CSV)
        </a>
        {(await isLmsClass(klass.id)) ? (
          <>
            {" "}
            · <PageLink href={`${base}/roster`}>sync the roster from the LMS</PageLink>
          </>
        ) : null}
      </p>
      {students.length === 0 ? (
        <p>No students have joined yet. Give them the join code.</p>
      ) : (
        <>
          <NeedsHelp help={help} base={base} titleOf={titleOf} />
          <BarChart
            title="Progress in each unit"
            description={`How many of the ${students.length} students have not started, are working on, have completed or have passed each unit.`}
            categoryLabel="Unit"
            categories={units.map((u) => u.title)}
            axisLabels={unitLabels(units).map((l) => l.short)}
            series={UNIT_STATUSES.map((s) => ({ name: STATUS_LABELS[s], colour: STATUS_COLOURS[s], values: counts.map((c) => c[s]) }))}
            stacked
            max={students.length}
          />
          <h2>Students</h2>
          <GridFilters query={query} units={units} base={base} />
          <p role="status">
            {kept.length === students.length ? `${students.length} students` : `${kept.length} of ${students.length} students match`}
            {pages > 1 ? `; showing ${page * GRID_PAGE_SIZE + 1}–${page * GRID_PAGE_SIZE + rows.length} (page ${page + 1} of ${pages})` : ""}.
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Progress grid">
            <table className="table grid">
              <caption className="visually-hidden">Status and best score of each student in each unit, with due dates</caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={sortState("name")}>
                    <PageLink href={sortLink("name")}>Student</PageLink>
                  </th>
                  <th scope="col" aria-sort={sortState("progress")}>
                    <PageLink href={sortLink("progress")}>Passed</PageLink>
                  </th>
                  <th scope="col">Last active</th>
                  {units.map((u, i) => {
                    const due = assignments.get(u.slug);
                    return (
                      <th scope="col" key={u.slug} aria-sort={sortState(u.slug)}>
                        {/* A short label that fits; the full title on hover, on focus and for screen readers. */}
                        <PageLink href={sortLink(u.slug)} className="grid__unit" title={u.title}>
                          {labels[i].short}
                          <span className="visually-hidden">: {u.title}</span>
                          <span className="grid__full" aria-hidden="true">
                            {u.title}
                          </span>
                        </PageLink>
                        {due ? <span className="grid__due">due {formatShortDay(due.dueDate)}</span> : null}
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.student.id} data-student={r.student.email}>
                    <th scope="row">
                      {/* a plain link: hundreds of client <Link>s cost render time for nothing */}
                      <a href={`${base}/students/${r.student.id}`}>{r.student.name}</a>
                      <br />
                      <span className="muted">{r.student.email}</span>
                    </th>
                    <td data-label="Passed">{`${r.passed} of ${units.length}`}</td>
                    <td data-label="Last active">{lastSeen(lastActive(r), now)}</td>
                    {units.map((u, i) => {
                      const c = r.cells[u.slug];
                      const due = assignments.get(u.slug);
                      const assigned = due ? assignmentStatus(due.dueAt, c.completedAt, now) : null;
                      // One text node per cell: the grid is the bulk of the page.
                      return (
                        <td key={u.slug} data-unit={u.slug} data-label={labels[i].short} className={`status--${c.status}${assigned ? ` due--${assigned}` : ""}`}>
                          {(c.bestFraction === null ? STATUS_LABELS[c.status] : `${STATUS_LABELS[c.status]}, best ${formatPercent(c.bestFraction)}`) +
                            (c.awaiting > 0 ? `, ${c.awaiting} awaiting review` : "") +
                            (assigned ? ` · ${GRID_DUE_LABELS[assigned]}` : "")}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav aria-label="Pages of students" className="button-row">
              {page > 0 ? <PageLink href={pageLink(page - 1)}>Previous {GRID_PAGE_SIZE} students</PageLink> : null}
              {page + 1 < pages ? <PageLink href={pageLink(page + 1)}>Next students</PageLink> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Due-date statuses in the grid's narrow cells (the CSV and the course page say them in full). */
const GRID_DUE_LABELS: Record<keyof typeof ASSIGNMENT_LABELS, string> = { done: "on time", late: "late", missing: "missing", open: "not due yet" };

/** "today", "3 days ago", or the date when it is long ago; "never" when nothing yet. */
function lastSeen(at: Date | null, now: Date): string {
  if (!at) return "never";
  const days = Math.floor((now.getTime() - at.getTime()) / DAY_MS);
  return days <= 0 ? "today" : days === 1 ? "yesterday" : days < 30 ? `${days} days ago` : formatDate(at);
}

/** Who needs help, at the top of the class page: each student a link to their page. */
function NeedsHelp({ help, base, titleOf }: { help: HelpList; base: string; titleOf: Map<string, string> }) {
  const units = (slugs: string[]) => slugs.map((s) => titleOf.get(s) ?? s).join(", ");
  const groups = [
    { key: "below", title: "Took a unit’s quiz and has not passed it", rows: help.belowPass.map((h) => ({ student: h.student, why: units(h.units) })) },
    { key: "missing", title: "Missing a unit that is due", rows: help.missing.map((h) => ({ student: h.student, why: units(h.units) })) },
    {
      key: "inactive",
      title: `No activity for ${INACTIVE_DAYS} days or more`,
      rows: help.inactive.map((h) => ({ student: h.student, why: h.lastActive ? `last active ${formatDate(h.lastActive)}` : "nothing yet" })),
    },
  ];
  const total = new Set(groups.flatMap((g) => g.rows.map((r) => r.student.id))).size;
  return (
    <section className="needs-help" aria-labelledby="needs-help-heading">
      <h2 id="needs-help-heading">Who needs help</h2>
      {total === 0 ? (
        <p>Nobody: every student is working, has passed what they took and has done what is due.</p>
      ) : (
        <div className="needs-help__groups">
          {groups.map((g) => (
            <div key={g.key} className="needs-help__group" data-group={g.key}>
              <h3>
                {g.title} ({g.rows.length})
              </h3>
              {g.rows.length === 0 ? (
                <p className="muted">Nobody.</p>
              ) : (
                <ul>
                  {g.rows.slice(0, 8).map((r) => (
                    <li key={r.student.id}>
                      <a href={`${base}/students/${r.student.id}`}>{r.student.name}</a> <span className="muted">{r.why}</span>
                    </li>
                  ))}
                  {g.rows.length > 8 ? <li className="muted">and {g.rows.length - 8} more (filter the grid below)</li> : null}
                </ul>
              )}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function GridFilters({ query, units, base }: { query: GridQuery; units: { slug: string; title: string }[]; base: string }) {
  return (
    <form method="get" action={base} className="filters" aria-label="Filter students">
      <input type="hidden" name="sort" value={query.sort} />
      <input type="hidden" name="dir" value={query.dir} />
      <div className="field">
        <label htmlFor="grid-q">Name or email</label>
        <input id="grid-q" name="q" defaultValue={query.q} maxLength={80} />
      </div>
      <div className="field">
        <label htmlFor="grid-unit">Unit</label>
        <select id="grid-unit" name="unit" defaultValue={query.unit}>
          <option value="">Any unit</option>
          {units.map((u) => (
            <option key={u.slug} value={u.slug}>
              {u.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="grid-status">Status in that unit</label>
        <select id="grid-status" name="status" defaultValue={query.status}>
          <option value="">Any status</option>
          {UNIT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button">
        Show
      </button>
      <PageLink href={base}>
        Clear
      </PageLink>
    </form>
  );
}
