import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/server/access";
import { unitLabels } from "@/lib/units";
import { coursePosition } from "@/server/course/position";
import { STATUS_LABELS } from "@/server/reports/progress";
import { formatPercent } from "@/lib/format";
import { unseenReviews } from "@/server/written/notices";
import { ASSIGNMENT_LABELS, assignmentStatus, formatDay } from "@/lib/assignments";
import { studentAssignments } from "@/server/assignments";

export const metadata: Metadata = { title: "Course" };

export default async function CoursePage() {
  const user = await requireUser();
  const { units, rows, next, started } = await coursePosition(user);
  const labels = unitLabels(units);
  const done = rows.filter((r) => r.progress.status === "completed" || r.progress.status === "passed").length;
  const percent = rows.length ? Math.round((done / rows.length) * 100) : 0;
  const reviewed = await unseenReviews(user.id);
  const due = await studentAssignments(user.id);
  const now = new Date();
  const reviewedCount = reviewed.reduce((n, r) => n + r.count, 0);

  return (
    <div className="course">
      <h1>Your course</h1>
      <p>
        {done} of {rows.length} parts done.
      </p>
      <div className="progress">
        <label htmlFor="course-progress">Course progress</label>
        <progress id="course-progress" max={100} value={percent}>
          {percent}%
        </progress>
        <span aria-hidden="true">{percent}%</span>
      </div>
      {reviewedCount > 0 ? (
        <div className="course-notice" role="status">
          <p>
            <strong>{reviewedCount === 1 ? "1 written answer reviewed" : `${reviewedCount} written answers reviewed`}</strong> by your instructor:{" "}
            {reviewed.map((r, i) => (
              <span key={r.lessonSlug}>
                {i > 0 ? ", " : null}
                <Link href={`/lessons/${r.lessonSlug}#quiz`}>{units.find((u) => u.slug === r.lessonSlug)?.title ?? r.lessonSlug}</Link>
              </span>
            ))}
            .
          </p>
        </div>
      ) : null}
      {next ? (
        <p className="course__continue">
          <Link className="button button--primary" href={`/lessons/${next.slug}`}>
            {started ? `Continue: ${next.title}` : "Start the course"}
          </Link>
        </p>
      ) : rows.length ? (
        <p className="course__continue">You have done every part of the course.</p>
      ) : null}
      <ol className="unit-list">
        {rows.map(({ unit, progress: p }, i) => (
          <li key={unit.slug} className={`unit-card unit-card--${p.status}`}>
            <h2 className="unit-card__title">
              <Link href={unit.draft ? `/preview/${unit.slug}` : `/lessons/${unit.slug}`}>
                {labels[i].number !== null ? `${labels[i].number}. ` : null}
                {unit.title}
              </Link>
            </h2>
            <p className="unit-card__summary">{unit.summary}</p>
            <p className="unit-card__meta">
              <span>About {unit.minutes} min</span> ·{" "}
              {/* An assessment is not a test to pass: it is done or not, and shows no score. */}
              <span className="status">{unit.kind === "assessment" ? (p.status === "passed" || p.status === "completed" ? "Done" : STATUS_LABELS[p.status]) : STATUS_LABELS[p.status]}</span>
              {p.bestFraction !== null && unit.kind !== "assessment" ? <span> · best score {formatPercent(p.bestFraction)}</span> : null}
              {p.awaiting > 0 ? <span> · {p.awaiting === 1 ? "1 written answer awaits" : `${p.awaiting} written answers await`} your instructor</span> : null}
              {unit.draft ? <span> · draft</span> : null}
              {due.has(unit.slug) ? <DueDate day={due.get(unit.slug)!.dueDate} status={assignmentStatus(due.get(unit.slug)!.dueAt, p.completedAt, now)} /> : null}
              {unit.broken ? <span> · has problems</span> : null}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** A unit's due date on the course page, and where the student stands with it (in words). */
function DueDate({ day, status }: { day: string; status: ReturnType<typeof assignmentStatus> }) {
  return (
    <span className={`unit-due unit-due--${status}`}>
      {" "}
      · due {formatDay(day)}
      {status === "open" ? "" : ` (${ASSIGNMENT_LABELS[status].toLowerCase()})`}
    </span>
  );
}
