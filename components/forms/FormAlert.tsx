// The alert at the top of a form: announced, and focusable so the form can move focus to it.
import type { RefObject } from "react";

export function FormAlert({ message, alertRef }: { message: string | null; alertRef: RefObject<HTMLDivElement | null> }) {
  if (!message) return null;
  return (
    <div className="form-error" role="alert" tabIndex={-1} ref={alertRef}>
      {message}
    </div>
  );
}
