import "server-only";
// Accounts as an admin manages them: find users, change a role. Callers check for an admin.
import type { Role } from "@/lib/roles";
import { db } from "./db";
import { END_SESSIONS } from "./session";

export const USERS_PAGE_SIZE = 50;

export async function findUsers(query: string, page: number) {
  const where = query ? { OR: [{ email: { contains: query } }, { name: { contains: query } }] } : {};
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: [{ role: "asc" }, { email: "asc" }],
      skip: page * USERS_PAGE_SIZE,
      take: USERS_PAGE_SIZE,
      select: { id: true, name: true, email: true, role: true },
    }),
    db.user.count({ where }),
  ]);
  return { users, total };
}

/** Changes a user's role and ends their sessions, so they sign in again under the new one. */
export async function setRole(userId: string, role: Role): Promise<boolean> {
  const { count } = await db.user.updateMany({ where: { id: userId }, data: { role, ...END_SESSIONS } });
  return count > 0;
}
