import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { ActionForm } from "@/components/forms/ActionForm";
import { CLASS_NAME_MAX } from "@/lib/validation";
import { requireInstructor } from "@/server/access";
import { classesFor } from "@/server/reports/classes";
import { pendingCounts } from "@/server/written/answers";
import { createClassAction } from "./actions";

export const metadata: Metadata = { title: "Your classes" };

export default async function InstructorHome() {
  const user = await requireInstructor();
  const classes = await classesFor(user);
  const waiting = await pendingCounts(classes.map((c) => c.id));
  return (
    <div className="wide">
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
              <th scope="col">Written answers to score</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.id}>
                <td>
                  <PageLink href={`/instructor/classes/${c.id}`}>{c.name}</PageLink>
                </td>
                <td>{c._count.enrollments}</td>
                <td>{c.joinCode ? <code>{c.joinCode}</code> : "Joining switched off"}</td>
                <td>
                  {waiting.get(c.id) ? (
                    <PageLink href={`/instructor/classes/${c.id}/written`}>{waiting.get(c.id) === 1 ? "1 waits" : `${waiting.get(c.id)} wait`}</PageLink>
                  ) : (
                    "None"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Create a class</h2>
      <ActionForm action={createClassAction} submitLabel="Create class" pendingLabel="Creating…" buttonClassName="button button--primary">
        <div className="field">
          <label htmlFor="class-name">Class name</label>
          <input id="class-name" name="name" required maxLength={CLASS_NAME_MAX} autoComplete="off" />
        </div>
      </ActionForm>
    </div>
  );
}
