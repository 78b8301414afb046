// Due dates for a class: one date per unit (or none) and the time zone the days are read in.
// A unit is due at the end of its day there; the progress grid, the CSV and each student's
// course page then say done on time, done late, missing or not due yet.
import type { Metadata } from "next";
import { ActionForm } from "@/components/forms/ActionForm";
import { ClassNav } from "@/components/instructor/ClassNav";
import { TimeZoneSelect } from "@/components/instructor/TimeZoneSelect";
import { formatDay } from "@/lib/assignments";
import { unitLabels } from "@/lib/units";
import { requireOwnClass } from "@/server/access";
import { classAssignments } from "@/server/assignments";
import { reportUnits } from "@/server/reports/classes";
import { saveAssignmentsAction } from "../../../actions";

export const metadata: Metadata = { title: "Due dates" };

type Props = { params: Promise<{ classId: string }> };

export default async function DueDatesPage({ params }: Props) {
  const { classId } = await params;
  const { klass } = await requireOwnClass(classId);
  const units = await reportUnits();
  // Assessments can be given due dates too: each is a unit with a quiz.
  const labels = unitLabels(units);
  const assignments = await classAssignments(klass.id);
  const zone = [...assignments.values()][0]?.timeZone ?? null;

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/due-dates" />
      <p>
        Give a unit a due date and your students see it on their course page; the progress grid and the progress CSV say, for each student,
        whether it was done on time, done late, is missing or is not due yet. A unit is done when its quiz has been submitted once. Leave a
        date empty for no due date.
      </p>
      <ActionForm action={saveAssignmentsAction} submitLabel="Save due dates" pendingLabel="Saving…" buttonClassName="button button--primary">
        <input type="hidden" name="classId" value={klass.id} />
        <table className="table due-dates">
          <caption className="visually-hidden">Due date of each unit</caption>
          <thead>
            <tr>
              <th scope="col">Unit</th>
              <th scope="col">Due at the end of</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u, i) => {
              const a = assignments.get(u.slug);
              return (
                <tr key={u.slug}>
                  <th scope="row">
                    <label htmlFor={`due-${u.slug}`}>
                      {labels[i].short}: {u.title}
                    </label>
                  </th>
                  <td>
                    <input id={`due-${u.slug}`} name={`due-${u.slug}`} type="date" defaultValue={a?.dueDate ?? ""} min="2000-01-01" max="2100-12-31" />
                    {a ? <span className="muted"> {formatDay(a.dueDate)}</span> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="field due-dates__zone">
          <label htmlFor="due-zone">Time zone the days are read in</label>
          <TimeZoneSelect id="due-zone" name="timeZone" zones={Intl.supportedValuesOf("timeZone")} saved={zone} />
        </div>
      </ActionForm>
    </div>
  );
}
