"use client";
// A small form posted to a server action, with its outcome announced next to it. Works
// before (and without) script: the form posts and the page comes back with the message.
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type ReactNode } from "react";
import type { FormState } from "@/lib/validation";

type Props = {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  submitLabel: string;
  pendingLabel?: string;
  children?: ReactNode;
  className?: string;
  buttonClassName?: string;
  /**
   * Keep what was typed when the action refuses it (React empties a form after every action):
   * for long forms. The form is emptied only once the action succeeds.
   */
  keepValuesOnError?: boolean;
};

export function ActionForm({ action, submitLabel, pendingLabel, children, className = "form", buttonClassName = "button", keepValuesOnError = false }: Props) {
  const [state, formAction, pending] = useActionState(action, null);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (keepValuesOnError && state?.ok) form.current?.reset();
  }, [keepValuesOnError, state]);
  // Submitting through the action state ourselves skips React's automatic reset; without
  // script the form still posts to the action.
  const submitKeepingValues = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <form ref={form} action={formAction} onSubmit={keepValuesOnError ? submitKeepingValues : undefined} className={className}>
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
