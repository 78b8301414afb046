import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { ClassNav } from "@/components/instructor/ClassNav";
import { requireStudentOfOwnClass } from "@/server/access";
import { reportUnits } from "@/server/reports/classes";
import { studentRecord } from "@/server/reports/student";
import { reviewHref } from "@/lib/written";
import { formatDate, formatPercent } from "@/lib/format";
import { ASSIGNMENT_LABELS, assignmentStatus, formatDay } from "@/lib/assignments";
import { unitLabels } from "@/lib/units";
import { classAssignments } from "@/server/assignments";
import { progressFor, STATUS_LABELS, unitStatus, type UnitProgress } from "@/server/reports/progress";

export const metadata: Metadata = { title: "Student" };

const seconds = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 100) / 10} s`);
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

export default async function StudentPage({ params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const { classId, studentId } = await params;
  // Only a student of this class: an instructor never sees other classes' students.
  const { klass, student } = await requireStudentOfOwnClass(classId, studentId);
  const [attempts, units, progress, assignments] = await Promise.all([
    studentRecord(student.id),
    reportUnits(),
    progressFor([student.id]),
    classAssignments(klass.id),
  ]);
  const titles = new Map(units.map((u) => [u.slug, u.title]));
  const labels = unitLabels(units);
  const mine = progress.get(student.id) ?? new Map<string, UnitProgress>();
  const rows = units.map((u, i) => ({ unit: u, label: labels[i].short, p: mine.get(u.slug) ?? unitStatus(undefined, []) }));
  const now = new Date();
  const lastActive = rows.reduce<Date | null>((max, r) => (r.p.lastActivity && (!max || r.p.lastActivity > max) ? r.p.lastActivity : max), null);
  const graded = rows.filter((r) => r.unit.kind === "unit");
  const pre = rows.find((r) => r.unit.assessment === "pre")?.p;
  const post = rows.find((r) => r.unit.assessment === "post")?.p;

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="student" />
      <h2>
        {student.name} <span className="muted">{student.email}</span>
      </h2>
      <section aria-labelledby="summary-heading" className="student-summary">
        <h3 id="summary-heading">Summary</h3>
        <p>
          Passed {graded.filter((r) => r.p.status === "passed").length} of {graded.length} units · last active{" "}
          {lastActive ? formatDate(lastActive) : "never"} · before the course {formatPercent(pre?.bestFraction)}, after it {formatPercent(post?.bestFraction)}
          {rows.some((r) => r.p.awaiting) ? ` · ${rows.reduce((n, r) => n + r.p.awaiting, 0)} written answers awaiting review` : ""}
        </p>
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">Each unit: status, best score, attempts and due date</caption>
            <thead>
              <tr>
                <th scope="col">Unit</th>
                <th scope="col">Status</th>
                <th scope="col">Best score</th>
                <th scope="col">Attempts</th>
                <th scope="col">Due</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ unit, label, p }) => {
                const due = assignments.get(unit.slug);
                return (
                  <tr key={unit.slug} data-unit={unit.slug}>
                    <th scope="row">
                      {label}: {unit.title}
                    </th>
                    <td className={`status--${p.status}`}>
                      {STATUS_LABELS[p.status]}
                      {p.awaiting ? `, ${p.awaiting} awaiting review` : ""}
                    </td>
                    <td>{formatPercent(p.bestFraction)}</td>
                    <td>{p.attempts}</td>
                    <td>{due ? `${formatDay(due.dueDate)}: ${ASSIGNMENT_LABELS[assignmentStatus(due.dueAt, p.completedAt, now)].toLowerCase()}` : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      <h3>Every attempt, answer by answer</h3>
      {attempts.length === 0 ? <p>No graded attempts yet.</p> : null}
      {attempts.map((a) => (
        <section key={a.id} className="attempt" aria-labelledby={`attempt-${a.id}`}>
          <h4 id={`attempt-${a.id}`}>
            {titles.get(a.lessonSlug) ?? a.lessonSlug}: attempt {a.attemptNumber} — {formatPercent(a.fraction)}
            {a.passed ? " (passed)" : ""}
          </h4>
          <p className="muted">
            Started {when(a.startedAt)} · submitted {when(a.submittedAt)}
            {a.trustFraction !== null || a.doubtFraction !== null ? ` · trust items ${formatPercent(a.trustFraction)}, doubt items ${formatPercent(a.doubtFraction)}` : ""}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Answers in attempt ${a.attemptNumber} at ${titles.get(a.lessonSlug) ?? a.lessonSlug}`}>
            <table className="table">
              <caption className="visually-hidden">Every answer in this attempt</caption>
              <thead>
                <tr>
                  <th scope="col">Question</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Score</th>
                  <th scope="col">Time taken</th>
                </tr>
              </thead>
              <tbody>
                {a.answers.map((x) => (
                  <tr key={x.questionId}>
                    <td>{x.prompt}</td>
                    <td>{x.answer}</td>
                    <td>
                      {x.pending ? (
                        <PageLink href={reviewHref(klass.id, x.id)}>Awaiting review: score it</PageLink>
                      ) : x.level ? (
                        <>
                          {x.level} ({formatPercent(x.score)}) · <PageLink href={reviewHref(klass.id, x.id)}>review</PageLink>
                        </>
                      ) : x.correct ? (
                        "Right"
                      ) : x.score > 0 ? (
                        `Partly right (${formatPercent(x.score)})`
                      ) : (
                        "Wrong"
                      )}
                    </td>
                    <td>{seconds(x.timeMs)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
