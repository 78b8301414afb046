"use client";
// Sign-up posts JSON to /api/signup (which validates everything again), then signs in.
import { useState } from "react";
import { signIn } from "next-auth/react";
import { FormAlert } from "@/components/forms/FormAlert";
import { NewPasswordField } from "@/components/forms/NewPasswordField";
import { useJsonForm } from "@/components/forms/useJsonForm";
import { useBrowserValue } from "@/components/ui/browser-hooks";
import { Field } from "@/components/ui/Field";
import { EMAIL_MAX, JOIN_CODE_PATTERN, NAME_MAX } from "@/lib/limits";

/** A join code from the link an instructor shows (/signup?code=…), if it looks like one; the server checks it. */
function codeFromLink(): string {
  const code = new URLSearchParams(window.location.search).get("code")?.trim().toUpperCase() ?? "";
  return JOIN_CODE_PATTERN.test(code) ? code : "";
}

export function SignUpForm() {
  const [created, setCreated] = useState(false);
  const linkCode = useBrowserValue(codeFromLink, "");
  const { onSubmit, pending, summary, alertRef, fieldError } = useJsonForm<{ ok: true; email: string }>("/api/signup", async (result, _form, values) => {
    setCreated(true);
    const signedIn = await signIn("credentials", { email: result.email, password: values.password, redirect: false });
    window.location.assign(signedIn?.ok ? "/course" : "/signin");
  });

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="form">
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
        // Filled in from the class's join link; the key makes the field take it once known.
        key={linkCode}
        defaultValue={linkCode}
        error={fieldError("joinCode")}
        required
      />
      <button type="submit" className="button button--primary" disabled={pending || created}>
        {pending || created ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
