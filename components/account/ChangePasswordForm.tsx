"use client";
// Changing one's password: POST /api/account/password. The route ends every other session.
import { useState } from "react";
import { FormAlert } from "@/components/forms/FormAlert";
import { useJsonForm } from "@/components/forms/useJsonForm";
import { Field } from "@/components/ui/Field";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/validation";

export function ChangePasswordForm() {
  const [done, setDone] = useState<string | null>(null);
  const { onSubmit, pending, summary, alertRef, fieldError } = useJsonForm<{ ok: true; message: string }>("/api/account/password", (result, form) => {
    form.reset();
    setDone(result.message);
  });

  return (
    <form onSubmit={(e) => (setDone(null), onSubmit(e))} className="form" noValidate>
      <FormAlert message={summary} alertRef={alertRef} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} error={fieldError("currentPassword")} required />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        maxLength={PASSWORD_MAX}
        error={fieldError("newPassword")}
        required
      />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Changing…" : "Change password"}
      </button>
      <div role="status">{done ? <p className="form-success">{done}</p> : null}</div>
    </form>
  );
}
