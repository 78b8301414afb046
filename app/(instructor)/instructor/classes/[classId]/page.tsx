import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { canTeach } from "@/lib/roles";
import { requireUser } from "@/server/auth";
import { getCourse, summarise } from "@/server/content/course";
import { classForInstructor, latestAttempts } from "@/server/reports/classes";

export const metadata: Metadata = { title: "Class" };

export default async function ClassPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const user = await requireUser(`/instructor/classes/${classId}`);
  if (!canTeach(user.role)) forbidden();
  // A class that is not this instructor's is refused exactly like one that does not exist.
  const klass = await classForInstructor(user, classId);
  if (!klass) forbidden();

  const units = (await getCourse()).map(summarise).filter((u) => !u.draft && u.quizId);
  const students = klass.enrollments.map((e) => e.user);
  const latest = await latestAttempts(students.map((s) => s.id));

  return (
    <div>
      <p>
        <Link href="/instructor">← Your classes</Link>
      </p>
      <h1>{klass.name}</h1>
      <p>
        {students.length} student{students.length === 1 ? "" : "s"} · join code {klass.joinCode ? <code>{klass.joinCode}</code> : "switched off"}
      </p>
      {students.length === 0 ? (
        <p>No students have joined yet. Give them the join code.</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Latest scores, scrolls sideways">
          <table className="table">
            <caption>Latest quiz score of each student in each unit</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                {units.map((u) => (
                  <th scope="col" key={u.slug}>
                    {u.title}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.id} data-student={s.email}>
                  <th scope="row">
                    {s.name}
                    <br />
                    <span className="muted">{s.email}</span>
                  </th>
                  {units.map((u) => {
                    const a = latest.get(s.id)?.get(u.slug);
                    return (
                      <td key={u.slug} data-unit={u.slug}>
                        {a ? `${Math.round(a.percent * 100)}%${a.passed ? " (passed)" : ""}, attempt ${a.attemptNumber}` : "—"}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
