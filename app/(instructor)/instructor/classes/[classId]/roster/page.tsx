import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { ActionForm } from "@/components/forms/ActionForm";
import { ClassNav } from "@/components/instructor/ClassNav";
import { requireOwnClass } from "@/server/access";
import { formatDateTime } from "@/lib/format";
import { NOT_GRANTED, rosterSyncState } from "@/server/lti/roster";
import { disableCodeAction, removeStudentAction, rotateCodeAction, syncRosterAction } from "../../../actions";

export const metadata: Metadata = { title: "Roster and join code" };

/** An email address with break chances before its "@" and dots: a narrow column wraps it between its parts. */
function breakable(email: string) {
  return email.split(/(?=[@.])/).flatMap((part, i) => (i ? [<wbr key={i} />, part] : [part]));
}

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<{ removed?: string }> };

export default async function RosterPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { removed } = await searchParams;
  const { klass } = await requireOwnClass(classId);
  const students = klass.enrollments;
  const lms = await rosterSyncState(klass.id);
  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/roster" />
      <div role="status">{removed === "1" ? <p className="form-success">The student was removed from this class. Their work is kept.</p> : null}</div>
      {lms ? (
        <section aria-labelledby="lms-roster-heading" data-testid="lms-roster">
          <h2 id="lms-roster-heading">Roster from the LMS</h2>
          <p>
            This class was made by a course in a learning platform (LMS). Syncing adds the course&apos;s learners who are not in the class yet (they appear in the progress
            grid before they first open the tool) and removes those the LMS lists as inactive or no longer lists. Removing only takes them out of this class: their
            account and their work are kept. Students who joined with a join code are never removed.
          </p>
          {!lms.granted && lms.note !== NOT_GRANTED ? <p>{NOT_GRANTED}</p> : null}
          <p data-testid="roster-last-sync">
            {lms.syncedAt ? (
              <>
                Last synced {formatDateTime(lms.syncedAt)}: {lms.ok ? lms.note : `failed. ${lms.note ?? ""}`}
              </>
            ) : (
              "Not synced yet."
            )}
          </p>
          <ActionForm action={syncRosterAction} submitLabel="Sync the roster from the LMS" pendingLabel="Syncing…" className="inline-form">
            <input type="hidden" name="classId" value={klass.id} />
          </ActionForm>
        </section>
      ) : null}
      <h2>Join code</h2>
      <p data-testid="join-code">
        {klass.joinCode ? (
          <>
            Students join with the code <code>{klass.joinCode}</code>.
          </>
        ) : (
          "Joining is switched off: nobody can join this class."
        )}
      </p>
      <div className="button-row">
        <ActionForm action={rotateCodeAction} submitLabel={klass.joinCode ? "Make a new code" : "Switch joining on with a new code"} className="inline-form">
          <input type="hidden" name="classId" value={klass.id} />
        </ActionForm>
        {klass.joinCode ? (
          <ActionForm action={disableCodeAction} submitLabel="Switch joining off" className="inline-form">
            <input type="hidden" name="classId" value={klass.id} />
          </ActionForm>
        ) : null}
      </div>
      <h2>Students ({students.length})</h2>
      {students.length === 0 ? (
        <p>No students have joined yet.</p>
      ) : (
        // The email under the name, not in a column of its own: three columns fit a phone.
        <table className="table roster">
          <caption className="visually-hidden">Students in {klass.name}</caption>
          <thead>
            <tr>
              <th scope="col">Student and email</th>
              <th scope="col">Joined</th>
              <th scope="col">Remove</th>
            </tr>
          </thead>
          <tbody>
            {students.map(({ user, createdAt }) => (
              <tr key={user.id} data-student={user.email}>
                <th scope="row">
                  <PageLink href={`/instructor/classes/${klass.id}/students/${user.id}`}>{user.name}</PageLink>
                  <span className="muted roster__email">{breakable(user.email)}</span>
                </th>
                <td className="roster__joined">{createdAt.toISOString().slice(0, 10)}</td>
                <td>
                  {/* Two steps without script: open, then confirm. The student's work is kept. */}
                  <details>
                    <summary>Remove…</summary>
                    <ActionForm action={removeStudentAction} submitLabel={`Remove ${user.name} from this class`} className="inline-form">
                      <input type="hidden" name="classId" value={klass.id} />
                      <input type="hidden" name="studentId" value={user.id} />
                    </ActionForm>
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
