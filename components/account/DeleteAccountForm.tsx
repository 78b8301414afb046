"use client";
// Deleting one's own account: POST /api/account/delete with the password and the word DELETE.
import { FormAlert } from "@/components/forms/FormAlert";
import { useJsonForm } from "@/components/forms/useJsonForm";
import { Field } from "@/components/ui/Field";
import { clearAllDrafts } from "@/lib/drafts";

export function DeleteAccountForm() {
  const { onSubmit, pending, summary, alertRef } = useJsonForm<{ ok: true }>("/api/account/delete", () => {
    clearAllDrafts();
    window.location.replace("/?deleted=1");
  });

  return (
    <form method="post" onSubmit={onSubmit} className="form" noValidate>
      <FormAlert message={summary} alertRef={alertRef} />
      <Field label="Your password" name="password" type="password" autoComplete="current-password" required />
      <Field label="Type DELETE to confirm" name="confirm" autoComplete="off" required />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account and data"}
      </button>
    </form>
  );
}
