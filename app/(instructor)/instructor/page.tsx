import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { canTeach } from "@/lib/roles";
import { requireUser } from "@/server/auth";
import { classesFor } from "@/server/reports/classes";

export const metadata: Metadata = { title: "Your classes" };

export default async function InstructorHome() {
  const user = await requireUser("/instructor");
  if (!canTeach(user.role)) forbidden();
  const classes = await classesFor(user);
  return (
    <div>
      <h1>Your classes</h1>
      {classes.length === 0 ? (
        <p>You have no classes yet.</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">Your classes</caption>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Students</th>
              <th scope="col">Join code</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/instructor/classes/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c._count.enrollments}</td>
                <td>{c.joinCode ? <code>{c.joinCode}</code> : "Joining switched off"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
