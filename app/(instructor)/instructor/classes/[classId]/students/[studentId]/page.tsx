import type { Metadata } from "next";
import Link from "next/link";
import { ClassNav } from "@/components/instructor/ClassNav";
import { requireStudentOfOwnClass } from "@/server/access";
import { reportUnits } from "@/server/reports/classes";
import { studentRecord } from "@/server/reports/student";
import { reviewHref } from "@/lib/written";
import { formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Student" };

const seconds = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 100) / 10} s`);
const when = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") + " UTC" : "—");

export default async function StudentPage({ params }: { params: Promise<{ classId: string; studentId: string }> }) {
  const { classId, studentId } = await params;
  // Only a student of this class: an instructor never sees other classes' students.
  const { klass, student } = await requireStudentOfOwnClass(classId, studentId);
  const [attempts, units] = await Promise.all([studentRecord(student.id), reportUnits()]);
  const titles = new Map(units.map((u) => [u.slug, u.title]));

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="student" />
      <h2>
        {student.name} <span className="muted">{student.email}</span>
      </h2>
      {attempts.length === 0 ? <p>No graded attempts yet.</p> : null}
      {attempts.map((a) => (
        <section key={a.id} className="attempt" aria-labelledby={`attempt-${a.id}`}>
          <h3 id={`attempt-${a.id}`}>
            {titles.get(a.lessonSlug) ?? a.lessonSlug}: attempt {a.attemptNumber} — {formatPercent(a.fraction)}
            {a.passed ? " (passed)" : ""}
          </h3>
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
                        <Link href={reviewHref(klass.id, x.id)}>Awaiting review: score it</Link>
                      ) : x.level ? (
                        <>
                          {x.level} ({formatPercent(x.score)}) · <Link href={reviewHref(klass.id, x.id)}>review</Link>
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
