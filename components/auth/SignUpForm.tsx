"use client";
import { useActionState, useEffect, useRef } from "react";
import { signIn } from "next-auth/react";
import { signUp } from "@/app/signup/actions";
import { Field } from "@/components/ui/Field";
import { EMAIL_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type SignUpState } from "@/lib/validation";

export function SignUpForm() {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUp, null);
  const password = useRef("");
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state?.ok) {
      void signIn("credentials", { email: state.email, password: password.current, redirect: false }).then((res) => {
        window.location.assign(res?.ok ? "/course" : "/signin");
      });
    } else if (state && !state.ok) {
      summaryRef.current?.focus();
    }
  }, [state]);

  const errors = state && !state.ok ? state.errors : {};
  const values = state && !state.ok ? (state.values ?? {}) : {};
  const errorCount = Object.keys(errors).length;

  return (
    <form
      action={action}
      noValidate
      className="form"
      onSubmit={(e) => {
        password.current = String(new FormData(e.currentTarget).get("password") ?? "");
      }}
    >
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
      <Field label="Your name" name="name" autoComplete="name" maxLength={NAME_MAX} defaultValue={values.name} error={errors.name} required />
      <Field label="Email" name="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} defaultValue={values.email} error={errors.email} required />
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
        defaultValue={values.joinCode}
        error={errors.joinCode}
        required
      />
      <button type="submit" className="button button--primary" disabled={pending || state?.ok === true}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
