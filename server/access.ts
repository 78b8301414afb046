import "server-only";
// Who may do what: every access rule, in one place, used by pages, JSON routes and server
// actions alike. Only the way a refusal is told differs:
//   pages        requireUser(), requireInstructor(), requireAuthor(), requireAdmin(),
//                requireOwnClass(id), requireStudentOfOwnClass(id, studentId)
//                → the sign-in page (401) or the "not allowed" page (403)
//   JSON routes  jsonRoute({ who, owns? }) in server/http/route.ts → 401/403 with the JSON error
//   actions      formAction({ who, owns? }) in server/http/action.ts → { ok: false, error }
// Two kinds of rule: a `who` rule looks only at the asker and runs before anything is read
// from the request; an `owns` rule (ownClass, studentOfOwnClass) looks up what is asked for
// and runs once the input is valid. A class that is someone else's is refused exactly like
// one that does not exist, so an id never tells whether it exists (docs/decisions/007-forbidden-for-wrong-role-and-foreign-ids.md).
import { forbidden, unauthorized } from "next/navigation";
import { canSeeDrafts, canTeach } from "@/lib/roles";
import { getCurrentUser, type CurrentUser } from "@/server/auth";
import { classForInstructor, studentOf, type OwnClass, type Student } from "@/server/reports/classes";

export type { CurrentUser };

/** A "no", with its HTTP status and a sentence for the person asking. */
export class Refusal {
  constructor(
    readonly status: 401 | 403 | 404,
    readonly message: string,
  ) {}
}

export type WhoRule<T> = (user: CurrentUser | null) => T | Refusal;

const SIGN_IN = new Refusal(401, "Sign in first. If you were signed in, your session has ended: sign in again.");
const NOT_YOUR_CLASS = new Refusal(403, "You can see and change only your own classes.");

/** Anyone, signed in or not (the user, or null). */
export const anyone: WhoRule<CurrentUser | null> = (user) => user;
/** Any signed-in user: students, and everyone else taking the course. */
export const signedIn: WhoRule<CurrentUser> = (user) => user ?? SIGN_IN;
/** signedIn, telling someone whose session ended what happens to their work. */
export const signedInOr = (message: string): WhoRule<CurrentUser> => (user) => user ?? new Refusal(401, message);
/** Instructors and admins. */
export const teacher: WhoRule<CurrentUser> = (user) => (!user ? SIGN_IN : canTeach(user.role) ? user : new Refusal(403, "Only instructors can do this."));
/** Authors and admins (drafts). */
export const author: WhoRule<CurrentUser> = (user) => (!user ? SIGN_IN : canSeeDrafts(user.role) ? user : new Refusal(403, "Only authors can see drafts."));
export const admin: WhoRule<CurrentUser> = (user) => (!user ? SIGN_IN : user.role === "admin" ? user : new Refusal(403, "Only admins can do this."));

/** The teacher's own class (any class for an admin), with its students. */
export async function ownClass(user: CurrentUser, classId: unknown): Promise<OwnClass | Refusal> {
  const klass = canTeach(user.role) && typeof classId === "string" ? await classForInstructor(user, classId) : null;
  return klass ?? NOT_YOUR_CLASS;
}

/** A student of the teacher's own class: instructors never see other classes' students. */
export async function studentOfOwnClass(user: CurrentUser, classId: unknown, studentId: unknown): Promise<{ klass: OwnClass; student: Student } | Refusal> {
  const klass = await ownClass(user, classId);
  if (klass instanceof Refusal) return klass;
  const student = typeof studentId === "string" ? studentOf(klass, studentId) : null;
  return student ? { klass, student } : new Refusal(403, "This student is not in your class.");
}

// ---- For pages: the same rules; a refusal renders the sign-in page (401) or the 403 page.

function orRefusePage<T>(result: T | Refusal): T {
  if (result instanceof Refusal) return result.status === 401 ? unauthorized() : forbidden();
  return result;
}

async function pageUser<T>(rule: WhoRule<T>): Promise<T> {
  return orRefusePage(rule(await getCurrentUser()));
}

export const requireUser = () => pageUser(signedIn);
export const requireInstructor = () => pageUser(teacher);
export const requireAuthor = () => pageUser(author);
export const requireAdmin = () => pageUser(admin);

export async function requireOwnClass(classId: string): Promise<{ user: CurrentUser; klass: OwnClass }> {
  const user = await requireInstructor();
  return { user, klass: orRefusePage(await ownClass(user, classId)) };
}

export async function requireStudentOfOwnClass(classId: string, studentId: string): Promise<{ user: CurrentUser; klass: OwnClass; student: Student }> {
  const user = await requireInstructor();
  return { user, ...orRefusePage(await studentOfOwnClass(user, classId, studentId)) };
}
