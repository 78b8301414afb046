// Limits and the sign-in form's own check, without zod: the sign-in form is on every page (the
// 401 page, app/unauthorized.tsx) and zod would add about 30 kB of JavaScript to each. The
// server still checks everything with the zod schemas in lib/validation.ts, which take these
// limits from here; lib/limits.test.ts keeps checkSignIn and signInSchema saying the same.

export const NAME_MAX = 80;
export const EMAIL_MAX = 254;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const JOIN_CODE_PATTERN = /^[A-Z0-9]{4}-?[A-Z0-9]{4}$/;

/** Half of a UTF-16 surrogate pair on its own: not text, and refused by the database driver. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Well-formed Unicode without NUL characters (PostgreSQL refuses both in text). */
export const isValidText = (s: string) => !LONE_SURROGATE.test(s) && !s.includes("\u0000");

/** zod's email pattern (zod/v4/core/regexes.js `email`), so the form and the server agree. */
export const EMAIL_PATTERN = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;

export const SIGN_IN_MESSAGES = {
  invalidText: "This contains characters that are not valid text.",
  email: "Enter your email address.",
  emailTooLong: `An email address can be at most ${EMAIL_MAX} characters.`,
  emailShape: "Enter an email address like name@school.org.",
  password: "Enter your password.",
  passwordTooLong: "That password is too long.",
} as const;

type SignInErrors = Partial<Record<"email" | "password", string>>;
export type SignInCheck = { ok: true; data: { email: string; password: string } } | { ok: false; errors: SignInErrors };

/** The sign-in form's fields checked as `signInSchema` checks them: the first problem of each field. */
export function checkSignIn(form: Record<string, unknown>): SignInCheck {
  const m = SIGN_IN_MESSAGES;
  const errors: SignInErrors = {};
  let email = "";
  if (typeof form.email !== "string") errors.email = m.email;
  else if (!isValidText(form.email)) errors.email = m.invalidText;
  else {
    email = form.email.trim().toLowerCase();
    if (email.length === 0) errors.email = m.email;
    else if (email.length > EMAIL_MAX) errors.email = m.emailTooLong;
    else if (!EMAIL_PATTERN.test(email)) errors.email = m.emailShape;
  }
  const password = form.password;
  if (typeof password !== "string") errors.password = m.password;
  else if (!isValidText(password)) errors.password = m.invalidText;
  else if (password.length === 0) errors.password = m.password;
  else if (password.length > PASSWORD_MAX) errors.password = m.passwordTooLong;
  return errors.email || errors.password ? { ok: false, errors } : { ok: true, data: { email, password: password as string } };
}
