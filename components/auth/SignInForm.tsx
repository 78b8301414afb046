"use client";
import { useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { safeReturnPath } from "@/lib/return-path";
import { homePath } from "@/lib/roles";
import { checkSignIn, EMAIL_MAX, PASSWORD_MAX } from "@/lib/limits";
import { Field } from "@/components/ui/Field";

/**
 * Where to go once signed in: the callbackUrl when it is a path on this site (lib/return-path.ts),
 * else the page this form is shown on (the 401 page of a page whose session ended), else where
 * this user starts (lib/roles.ts homePath: a teacher's classes, a student's course).
 */
async function returnPath(): Promise<string> {
  const { pathname, search } = window.location;
  const here = pathname === "/signin" ? await startPath() : safeReturnPath(pathname + search);
  return safeReturnPath(new URLSearchParams(search).get("callbackUrl"), here);
}

/** Asks who has just signed in (not lib/me.ts's answer from before signing in). */
async function startPath(): Promise<string> {
  try {
    const res = await fetch("/api/me", { cache: "no-store" });
    const { user } = (await res.json()) as { user: { role: string } | null };
    return homePath(user?.role);
  } catch {
    return "/course";
  }
}

export function SignInForm() {
  const [errors, setErrors] = useState<Partial<Record<"email" | "password" | "form", string>>>({});
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const data = Object.fromEntries(new FormData(event.currentTarget));
    const parsed = checkSignIn(data);
    if (!parsed.ok) return setErrors(parsed.errors);
    setPending(true);
    setErrors({});
    const res = await signIn("credentials", { ...parsed.data, redirect: false }).catch(() => null);
    if (res?.ok && !res.error) {
      window.location.assign(await returnPath());
      return;
    }
    setPending(false);
    setErrors({
      form:
        res?.error === "TooManyAttempts"
          ? "Too many failed sign-ins for this account or network. Wait 15 minutes, then try again, or ask your instructor to check your email address."
          : "That email and password do not match an account. Check both and try again.",
    });
    requestAnimationFrame(() => errorRef.current?.focus());
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="form">
      {errors.form ? (
        <p className="form-error" role="alert" tabIndex={-1} ref={errorRef}>
          {errors.form}
        </p>
      ) : null}
      <Field label="Email" name="email" type="email" autoComplete="email" maxLength={EMAIL_MAX} error={errors.email} required />
      <Field label="Password" name="password" type="password" autoComplete="current-password" maxLength={PASSWORD_MAX} error={errors.password} required />
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
