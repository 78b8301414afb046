"use client";
// Sign-up posts JSON to /api/signup (which validates everything again), then signs in.
import { useEffect, useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { Field } from "@/components/ui/Field";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type SignUpState } from "@/lib/validation";

export function SignUpForm() {
  const [state, setState] = useState<SignUpState>(null);
  const [pending, setPending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state && !state.ok) summaryRef.current?.focus();
  }, [state]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const values = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setPending(true);
    const res = await fetch("/api/signup", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(values),
    }).catch(() => null);
    const result = ((await res?.json().catch(() => null)) ?? {
      ok: false,
      errors: { form: "The server could not be reached. Check your connection and try again." },
    }) as NonNullable<SignUpState>;
    setState(result);
    if (!result.ok) return setPending(false);
    const signedIn = await signIn("credentials", { email: result.email, password: values.password, redirect: false });
    window.location.assign(signedIn?.ok ? "/course" : "/signin");
  }

  const errors = state && !state.ok ? state.errors : {};
  const errorCount = Object.keys(errors).length;

  return (
    <form onSubmit={onSubmit} noValidate className="form">
      {errorCount > 0 ? (
        <div className="form-error" role="alert" tabIndex={-1} ref={summaryRef}>
          {errors.form ?? `Please fix ${errorCount === 1 ? "the problem" : `${errorCount} problems`} below.`}
        </div>
      ) : null}
      {state?.ok ? (
        <p role="status" className="form-success">
          Account created. Signing you in…
        </p>
      ) : null}
      <Field label="Your name" name="name" autoComplete="name" maxLength={NAME_MAX} error={errors.name} required />
      <Field label="Email" name="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} error={errors.email} required />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        maxLength={PASSWORD_MAX}
        error={errors.password}
        required
      />
      <Field
        label="Class join code"
        name="joinCode"
        autoComplete="off"
        hint="Eight letters or digits, like ABCD-1234."
        maxLength={20}
        error={errors.joinCode}
        required
      />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
