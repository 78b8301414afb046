"use client";
import { useState } from "react";
import { Field } from "@/components/ui/Field";

export function DeleteAccountForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const res = await fetch("/api/account/delete", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ password: form.get("password"), confirm: form.get("confirm") }),
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { ok: boolean; error?: string } | null;
    if (body?.ok) {
      window.location.replace("/?deleted=1");
      return;
    }
    setPending(false);
    setError(body?.error ?? "The account could not be deleted. Try again.");
  }

  return (
    <form onSubmit={onSubmit} className="form" noValidate>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <Field label="Your password" name="password" type="password" autoComplete="current-password" required />
      <Field label="Type DELETE to confirm" name="confirm" autoComplete="off" required />
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Deleting…" : "Delete my account and data"}
      </button>
    </form>
  );
}
