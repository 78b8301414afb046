import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/BarChart";
import { unitLabels } from "@/lib/units";
import { ClassNav } from "@/components/instructor/ClassNav";
import { STATUS_COLOURS } from "@/components/instructor/colours";
import { requireOwnClass } from "@/server/access";
import { reportUnits } from "@/server/reports/classes";
import { filterAndSort, firstValues, GRID_PAGE_SIZE, gridQuerySchema, gridRows, pageOf, statusCounts, UNIT_STATUSES, type GridQuery } from "@/server/reports/grid";
import { progressFor, STATUS_LABELS } from "@/server/reports/progress";
import { formatPercent } from "@/lib/format";

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

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="" />
      <p>
        {students.length} student{students.length === 1 ? "" : "s"} · join code{" "}
        {klass.joinCode ? (
          <>
            <code>{klass.joinCode}</code> (<Link href={`${base}/join`}>show it to the room</Link>)
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
      </p>
      {students.length === 0 ? (
        <p>No students have joined yet. Give them the join code.</p>
      ) : (
        <>
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
          <div className="table-scroll" tabIndex={0} role="region" aria-label="Progress grid, scrolls sideways">
            <table className="table grid">
              <caption className="visually-hidden">Status and best score of each student in each unit</caption>
              <thead>
                <tr>
                  <th scope="col" aria-sort={sortState("name")}>
                    <Link href={sortLink("name")}>Student</Link>
                  </th>
                  <th scope="col" aria-sort={sortState("progress")}>
                    <Link href={sortLink("progress")}>Passed</Link>
                  </th>
                  {units.map((u) => (
                    <th scope="col" key={u.slug} aria-sort={sortState(u.slug)}>
                      <Link href={sortLink(u.slug)}>{u.title}</Link>
                    </th>
                  ))}
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
                    <td>{`${r.passed} of ${units.length}`}</td>
                    {units.map((u) => {
                      const c = r.cells[u.slug];
                      // One text node per cell: the grid is the bulk of the page.
                      return (
                        <td key={u.slug} data-unit={u.slug} className={`status--${c.status}`}>
                          {(c.bestFraction === null ? STATUS_LABELS[c.status] : `${STATUS_LABELS[c.status]}, best ${formatPercent(c.bestFraction)}`) +
                            (c.awaiting > 0 ? `, ${c.awaiting} awaiting review` : "")}
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
              {page > 0 ? <Link href={pageLink(page - 1)}>Previous {GRID_PAGE_SIZE} students</Link> : null}
              {page + 1 < pages ? <Link href={pageLink(page + 1)}>Next students</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
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
      <Link href={base}>Clear</Link>
    </form>
  );
}
