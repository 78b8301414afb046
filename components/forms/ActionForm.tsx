"use client";
// A small form posted to a server action, with its outcome announced next to it. Works
// before (and without) script: the form posts and the page comes back with the message.
import { useActionState, type ReactNode } from "react";
import type { FormState } from "@/lib/validation";

type Props = {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  buttonClassName?: string;
};

export function ActionForm({ action, submitLabel, pendingLabel, children, className = "form", buttonClassName = "button" }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className={className}>
      {children}
      <button type="submit" className={buttonClassName} disabled={pending}>
        {pending ? (pendingLabel ?? submitLabel) : submitLabel}
      </button>
      <div role="status" className="action-form__status">
        {state?.ok ? <p className="form-success">{state.message}</p> : null}
      </div>
      {state && !state.ok ? (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
