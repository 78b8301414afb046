"use client";
// Changing one's password: POST /api/account/password. The route ends every other session.
import { useState } from "react";
import { FormAlert } from "@/components/forms/FormAlert";
import { NewPasswordField } from "@/components/forms/NewPasswordField";
import { useJsonForm } from "@/components/forms/useJsonForm";
import { Field } from "@/components/ui/Field";
import { PASSWORD_MAX } from "@/lib/limits";

export function ChangePasswordForm() {
  const [done, setDone] = useState<string | null>(null);
  const { onSubmit, pending, summary, alertRef, fieldError } = useJsonForm<{ ok: true; message: string }>("/api/account/password", (result, form) => {
    form.reset();
    setDone(result.message);
  });

  return (
    <form method="post" onSubmit={(e) => (setDone(null), onSubmit(e))} className="form" noValidate>
      <FormAlert message={summary} alertRef={alertRef} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} error={fieldError("currentPassword")} required />
      <NewPasswordField label="New password" name="newPassword" error={fieldError("newPassword")} />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
      <div role="status">{done ? <p className="form-success">{done}</p> : null}</div>
    </form>
  );
}
