// Input schemas shared by forms (for hints) and the server (which always re-validates).
// The limits, and the sign-in form's check, live in lib/limits.ts: browser code imports them
// from there so that zod stays out of every page's JavaScript.
import { z } from "zod";
import { EMAIL_MAX, isValidText, JOIN_CODE_PATTERN, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, SIGN_IN_MESSAGES } from "./limits";

export { EMAIL_MAX, JOIN_CODE_PATTERN, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN };

/**
 * A string input: well-formed Unicode without NUL characters (PostgreSQL refuses both in
 * text, SQLite stores them), with the given message when it is missing.
 */
export function text(missing: string) {
  return z.string({ error: missing }).refine(isValidText, SIGN_IN_MESSAGES.invalidText);
}

// Characters that change how the text around them is shown while being invisible themselves:
// bidirectional overrides, embeddings, isolates and marks (U+202E turns "Ann\u202Etxt.exe"
// into "Annexe.txt"), zero-width spaces, word joiners and other format characters (Unicode
// category Cf), and the blank Hangul fillers and Braille blank that pass for letters. A
// zero-width joiner or non-joiner between two visible characters stays allowed: Persian,
// Indic scripts and emoji sequences need them.
const JOINER_IN_WORD = /(?<=[\p{L}\p{M}\p{N}\p{S}])[\u200C\u200D](?=[\p{L}\p{M}\p{N}\p{S}])/gu;
const INVISIBLE = /[\p{Cc}\p{Cf}\u034F\u115F\u1160\u3164\uFFA0\u2800]/u;

/** `s` without the invisible and direction-changing characters above (joiners too), for names that come from elsewhere (an LMS). */
export function withoutInvisible(s: string): string {
  return s.replace(new RegExp(INVISIBLE.source, "gu"), "");
}

/** True when a name shows exactly what it contains (no invisible or direction-changing characters). */
export function isPlainDisplayText(s: string): boolean {
  return !INVISIBLE.test(s.replace(JOINER_IN_WORD, ""));
}

/**
 * A name others will read (a display name, a class name): text (above), trimmed, NFC, at most
 * `max` characters, and shown as it is (isPlainDisplayText).
 */
function displayName(missing: string, max: number, tooLong: string) {
  return text(missing)
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .min(1, missing)
        .max(max, tooLong)
        .refine(isPlainDisplayText, "This contains invisible or direction-changing characters. Type it with letters, digits and spaces."),
    );
}

const email = text(SIGN_IN_MESSAGES.email)
  .trim()
  .toLowerCase()
  .min(1, SIGN_IN_MESSAGES.email)
  .max(EMAIL_MAX, SIGN_IN_MESSAGES.emailTooLong)
  .pipe(z.email({ error: SIGN_IN_MESSAGES.emailShape }));

/** The server's check of a sign-in; the form's own is checkSignIn in lib/limits.ts (same messages). */
export const signInSchema = z.object({
  email,
  password: text(SIGN_IN_MESSAGES.password).min(1, SIGN_IN_MESSAGES.password).max(PASSWORD_MAX, SIGN_IN_MESSAGES.passwordTooLong),
});

export const signUpSchema = z.object({
  name: displayName("Enter your name.", NAME_MAX, `A name can be at most ${NAME_MAX} characters.`),
  email,
  password: z.lazy(() => newPasswordSchema),
  joinCode: z.lazy(() => joinCodeSchema),
});

/** A password someone chooses (signing up, changing it). */
export const newPasswordSchema = text("Choose a password.")
  .min(PASSWORD_MIN, `A password needs at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `A password can be at most ${PASSWORD_MAX} characters.`);

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

/** The first message per field, for showing next to each input. */
export function fieldErrors<K extends string>(error: z.ZodError): FieldErrors<K> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    out[key] ??= issue.message;
  }
  return out as FieldErrors<K>;
}

/**
 * The one shape of every refusal a JSON route sends (server/http/route.ts): a sentence for the
 * person, and for a form the first problem of each field.
 */
export type ErrorBody = { ok: false; error: string; fields?: Record<string, string> };

export type SignUpState = { ok: true; email: string } | ErrorBody | null;

/** "abcd 1234", "ABCD1234" and "ABCD-1234" are the same code; codes are stored as "ABCD-1234". */
export function normaliseJoinCode(code: string): string {
  const compact = code.trim().toUpperCase().replace(/[\s-]/g, "");
  return compact.length === 8 ? `${compact.slice(0, 4)}-${compact.slice(4)}` : code.trim().toUpperCase();
}

export const CLASS_NAME_MAX = 80;
export const classNameSchema = displayName("Name the class.", CLASS_NAME_MAX, `A class name can be at most ${CLASS_NAME_MAX} characters.`);

export const joinCodeSchema = z
  .string({ error: "Enter the join code your instructor gave you." })
  .trim()
  .min(1, "Enter the join code your instructor gave you.")
  .max(20, "That join code is too long.")
  .transform(normaliseJoinCode)
  .refine((s) => JOIN_CODE_PATTERN.test(s), "A join code has eight letters or digits, like ABCD-1234.");

/** The result of a small form handled by a server action. */
export type FormState = { ok: true; message: string } | { ok: false; error: string } | null;
