// Grades sent to the LMS (LTI Assignment and Grade Services, docs/lti.md): for a class made by
// an LMS course, each student's newest score of each unit opened from a graded LMS link, and
// whether it was sent, is waiting (with the next try) or failed (with the platform's reason).
// A failed one can be sent again (resendScoreAction).
import type { Metadata } from "next";
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

function when(s: SentScore): string {
  if (s.status === "sent" && s.sentAt) return `sent ${formatDateTime(s.sentAt)}`;
  if (s.status === "pending") return s.tries ? `try ${s.tries + 1} after ${formatDateTime(s.nextTryAt)}` : "being sent";
  return `score of ${formatDateTime(s.timestamp)}`;
}

export default async function LmsGradesPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { resent } = await searchParams;
  const { klass } = await requireOwnClass(classId);
  const linked = await isLmsClass(klass.id);
  const scores = linked ? await classScores(klass) : [];
  const units = await reportUnits();
  const labels = unitLabels(units);
  const unitName = new Map(units.map((u, i) => [u.slug, `${labels[i].short}: ${u.title}`]));
  const failed = scores.filter((s) => s.status === "failed").length;

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
                {scores.length} score{scores.length === 1 ? "" : "s"}
                {failed ? `, ${failed} failed` : ""}.
              </p>
              <table className="table lms-grades">
                <caption className="visually-hidden">The newest score of each student and unit, and whether it reached the LMS</caption>
                <thead>
                  <tr>
                    <th scope="col">Student</th>
                    <th scope="col">Unit</th>
                    <th scope="col">Score</th>
                    <th scope="col">Status</th>
                    <th scope="col">Details</th>
                  </tr>
                </thead>
                <tbody>
                  {scores.map((s) => (
                    <tr key={s.id} data-score={s.id} data-status={s.status}>
                      <th scope="row">{s.studentName}</th>
                      <td>{unitName.get(s.lessonSlug) ?? s.lessonSlug}</td>
                      <td>
                        {Math.round(s.scoreGiven * 10) / 10}%{s.gradingProgress === "PendingManual" ? " (written answers awaiting review)" : ""}
                      </td>
                      <td>{STATUS[s.status]}</td>
                      <td>
                        {when(s)}
                        {s.lastError ? <p className="muted">{s.lastError}</p> : null}
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
              </table>
            </>
          )}
        </>
      )}
    </div>
  );
}
