"use client";
// Sign-up posts JSON to /api/signup (which validates everything again), then signs in.
import { useState } from "react";
import { signIn } from "next-auth/react";
import { FormAlert } from "@/components/forms/FormAlert";
import { NewPasswordField } from "@/components/forms/NewPasswordField";
import { useJsonForm } from "@/components/forms/useJsonForm";
import { Field } from "@/components/ui/Field";
import { EMAIL_MAX, NAME_MAX } from "@/lib/validation";

export function SignUpForm() {
  const [created, setCreated] = useState(false);
  const { onSubmit, pending, summary, alertRef, fieldError } = useJsonForm<{ ok: true; email: string }>("/api/signup", async (result, _form, values) => {
    setCreated(true);
    const signedIn = await signIn("credentials", { email: result.email, password: values.password, redirect: false });
    window.location.assign(signedIn?.ok ? "/course" : "/signin");
  });

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      <FormAlert message={summary} alertRef={alertRef} />
      {created ? (
        <p role="status" className="form-success">
          Account created. Signing you in…
        </p>
      ) : null}
      <Field label="Your name" name="name" autoComplete="name" maxLength={NAME_MAX} error={fieldError("name")} required />
      <Field label="Email" name="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} error={fieldError("email")} required />
      <NewPasswordField label="Password" name="password" error={fieldError("password")} />
      <Field
        label="Class join code"
        name="joinCode"
        autoComplete="off"
        hint="Eight letters or digits, like ABCD-1234."
        maxLength={20}
        error={fieldError("joinCode")}
        required
      />
      <button type="submit" className="button button--primary" disabled={pending || created}>
        {pending || created ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
