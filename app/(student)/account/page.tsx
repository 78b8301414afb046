import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { ActionForm } from "@/components/forms/ActionForm";
import { requireUser } from "@/server/access";
import { classesOfStudent } from "@/server/classes";
import { joinClassAction } from "./actions";

export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage() {
  const user = await requireUser();
  // Only the user's own enrolments: class names and instructors, never other students.
  const enrolments = await classesOfStudent(user.id);
  return (
    <div>
      <h1>Your account</h1>
      <p>
        {user.name} · {user.email} · {user.role}
      </p>
      {user.role === "admin" ? (
        <p>
          <PageLink href="/admin/users">Manage users and roles</PageLink> · <PageLink href="/admin/lti">Learning platforms (LTI)</PageLink>
        </p>
      ) : null}
      <h2>Your classes</h2>
      {enrolments.length === 0 ? (
        <p>You are not in any class.</p>
      ) : (
        <ul>
          {enrolments.map((e) => (
            <li key={e.class.id}>
              {e.class.name} <span className="muted">— {e.class.instructor.name}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>Join another class</h2>
      <ActionForm action={joinClassAction} submitLabel="Join class" pendingLabel="Joining…">
        <div className="field">
          <label htmlFor="join-code">Class join code</label>
          <p className="field__hint" id="join-code-hint">
            Eight letters or digits, like ABCD-1234.
          </p>
          <input id="join-code" name="joinCode" required maxLength={20} autoComplete="off" aria-describedby="join-code-hint" />
        </div>
      </ActionForm>
      <h2>Change your password</h2>
      <p>Changing it signs you out on every other device.</p>
      <ChangePasswordForm />
    </div>
  );
}
