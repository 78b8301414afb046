// The roles a user can have, and what each may do. Shared by server and browser code.
export const ROLES = ["student", "instructor", "author", "admin"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Who may see units marked `draft: true`. */
export function canSeeDrafts(role: Role): boolean {
  return role === "author" || role === "admin";
}

/** Who may open the instructor pages. */
export function canTeach(role: Role): boolean {
  return role === "instructor" || role === "admin";
}

/** Where someone starts once signed in, when no page asked for them: a teacher at their classes. */
export function homePath(role: unknown): string {
  return isRole(role) && canTeach(role) ? "/instructor" : "/course";
}
