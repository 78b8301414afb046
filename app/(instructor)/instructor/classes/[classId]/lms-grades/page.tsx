// Grades sent to the LMS (LTI Assignment and Grade Services, docs/lti.md): for a class made by
// an LMS course, each student's newest score of each unit opened from a graded LMS link, and
// whether it was sent, is waiting (with the next try) or failed (with the platform's reason).
// A failed one can be sent again (resendScoreAction). One group of rows per student, units in
// course order, three columns: narrow enough for a phone, the Resend button on screen. On a
// phone a unit is its short label ("Unit 2"); its title stays for screen readers.
import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { ActionForm } from "@/components/forms/ActionForm";
import { ClassNav } from "@/components/instructor/ClassNav";
import { formatDateTime } from "@/lib/format";
import { unitLabels } from "@/lib/units";
import { requireOwnClass } from "@/server/access";
import { classScores, isLmsClass, type SentScore } from "@/server/lti/ags-store";
import { reportUnits } from "@/server/reports/classes";
import { resendScoreAction } from "../../../actions";

export const metadata: Metadata = { title: "Grades sent to the LMS" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<{ resent?: string }> };

const STATUS: Record<SentScore["status"], string> = { sent: "Sent", pending: "Waiting", failed: "Failed", superseded: "Replaced by a newer score" };

/** Under the status: when it was sent, when it is tried next, or (failed) when the score was given. */
function when(s: SentScore): string {
  if (s.status === "sent" && s.sentAt) return formatDateTime(s.sentAt);
  if (s.status === "pending") return s.tries ? `try ${s.tries + 1} after ${formatDateTime(s.nextTryAt)}` : "being sent";
  return `score of ${formatDateTime(s.timestamp)}`;
}

/** The scores of each student (classScores gives them in name order), each student's units in course order. */
function byStudent(scores: SentScore[], courseOrder: string[]) {
  const place = (slug: string) => (courseOrder.includes(slug) ? courseOrder.indexOf(slug) : courseOrder.length);
  const students = new Map<string, { id: string; name: string; scores: SentScore[] }>();
  for (const s of scores) {
    const student = students.get(s.studentId) ?? { id: s.studentId, name: s.studentName, scores: [] };
    student.scores.push(s);
    students.set(s.studentId, student);
  }
  for (const student of students.values()) student.scores.sort((a, b) => place(a.lessonSlug) - place(b.lessonSlug));
  return [...students.values()];
}

export default async function LmsGradesPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { resent } = await searchParams;
  const { klass } = await requireOwnClass(classId);
  const linked = await isLmsClass(klass.id);
  const scores = linked ? await classScores(klass) : [];
  const units = await reportUnits();
  const labels = unitLabels(units);
  const unitName = new Map(
    units.map((u, i) => [
      u.slug,
      <>
        {labels[i].short}
        <span className="lms-grades__title visually-hidden-on-phone">: {u.title}</span>
      </>,
    ]),
  );
  const count = (status: SentScore["status"]) => scores.filter((s) => s.status === status).length;
  const counts = [`${count("sent")} sent`, `${count("pending")} waiting`, `${count("failed")} failed`].filter((c) => !c.startsWith("0 "));

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/lms-grades" />
      <h2>Grades sent to the LMS</h2>
      <div role="status">{resent === "1" ? <p className="form-success">The score is being sent again. Its row below says when it has arrived.</p> : null}</div>
      {!linked ? (
        <p>This class was not made by a course in a learning platform (LMS), so no grades are sent anywhere. Classes made by an LMS launch send their grades here.</p>
      ) : (
        <>
          <p>
            When a student who opened a unit from a graded link in the LMS submits its quiz, or when you score one of their written answers, the unit&apos;s best score
            (as a percentage) goes to that link&apos;s column in the LMS gradebook, marked as awaiting grading while written answers wait for you. A score that could
            not be sent is tried again after 30 seconds, 2 minutes, 10 minutes and so on; a score the LMS refused is marked failed with its reason.
          </p>
          {scores.length === 0 ? (
            <p>No scores yet: none of this class&apos;s students has submitted a unit opened from a graded LMS link.</p>
          ) : (
            <>
              <p>
                {scores.length} score{scores.length === 1 ? "" : "s"}: {counts.join(", ")}.
              </p>
              <table className="table lms-grades">
                <caption className="visually-hidden">The newest score of each student and unit, and whether it reached the LMS</caption>
                <thead>
                  <tr>
                    <th scope="col">Unit</th>
                    <th scope="col">Score</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                {byStudent(scores, units.map((u) => u.slug)).map((student) => (
                  <tbody key={student.id}>
                    <tr>
                      <th scope="rowgroup" colSpan={3} className="lms-grades__student">
                        <PageLink href={`/instructor/classes/${klass.id}/students/${student.id}`}>{student.name}</PageLink>
                      </th>
                    </tr>
                    {student.scores.map((s) => (
                      <tr key={s.id} data-score={s.id} data-status={s.status}>
                        <th scope="row">{unitName.get(s.lessonSlug) ?? s.lessonSlug}</th>
                        <td>
                          {Math.round(s.scoreGiven * 10) / 10}%
                          {s.gradingProgress === "PendingManual" ? <span className="muted lms-grades__line">written answers awaiting review</span> : null}
                        </td>
                        <td>
                          <strong className={`lms-grades__status--${s.status}`}>{STATUS[s.status]}</strong>
                          <span className="muted lms-grades__line">{when(s)}</span>
                          {s.lastError ? (
                            <span className="muted lms-grades__line lms-grades__error">
                              {s.status === "failed" ? "Why: " : "Last try: "}
                              {s.lastError}
                            </span>
                          ) : null}
                          {s.status === "failed" ? (
                            <ActionForm action={resendScoreAction} submitLabel="Resend" pendingLabel="Sending…" className="inline-form">
                              <input type="hidden" name="classId" value={klass.id} />
                              <input type="hidden" name="scoreId" value={s.id} />
                            </ActionForm>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                ))}
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}
