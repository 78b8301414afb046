"use client";
// A form that posts its fields as JSON to one of the app's routes and shows the answer: the
// route's message (ErrorBody, server/http/route.ts) in an alert that takes focus, and each
// field's problem next to it. Used by sign-up, changing the password and deleting the account.
import { useEffect, useRef, useState } from "react";
import type { ErrorBody } from "@/lib/validation";

const UNREACHABLE: ErrorBody = { ok: false, error: "The server could not be reached. Check your connection and try again." };

/** POSTs `values` as JSON; the route's answer, or an ErrorBody when it could not be had. */
export async function postJson<T extends { ok: true }>(url: string, values: unknown): Promise<T | ErrorBody> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(values) }).catch(() => null);
  const body = (await res?.json().catch(() => null)) as T | ErrorBody | null;
  return body && typeof body === "object" && "ok" in body ? body : UNREACHABLE;
}

export function useJsonForm<T extends { ok: true }>(url: string, onSuccess: (result: T, form: HTMLFormElement, values: Record<string, string>) => void | Promise<void>) {
  const [problem, setProblem] = useState<ErrorBody | null>(null);
  const [pending, setPending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (problem) alertRef.current?.focus();
  }, [problem]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const values = Object.fromEntries([...new FormData(form)].filter((e): e is [string, string] => typeof e[1] === "string"));
    setPending(true);
    setProblem(null);
    const result = await postJson<T>(url, values);
    if (!result.ok) {
      setProblem(result);
      setPending(false);
      return;
    }
    await onSuccess(result, form, values);
    setPending(false);
  }

  const fields = problem?.fields ?? {};
  const count = Object.keys(fields).length;
  /** What the alert says: the route's message, or how many fields need fixing. */
  const summary = problem ? (count > 0 ? `Please fix ${count === 1 ? "the problem" : `${count} problems`} below.` : problem.error) : null;
  return { onSubmit, pending, summary, alertRef, fieldError: (name: string): string | undefined => fields[name] };
}
