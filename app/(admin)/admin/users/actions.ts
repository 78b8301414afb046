"use server";
// Admins manage roles. Guarded path: server/http/action.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES } from "@/lib/roles";
import { admin } from "@/server/access";
import { formAction } from "@/server/http/action";
import { setRole } from "@/server/users";

const roleForm = z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES, { error: "Choose one of the roles." }) });

/** Admins only: gives a user another role (instructor, author, …). It ends that user's sessions. */
export const setRoleAction = formAction({ who: admin, input: roleForm }, async ({ asker, input: { userId, role } }) => {
  // An admin demoting themselves could leave nobody able to undo it.
  if (userId === asker.id) return { ok: false, error: "You cannot change your own role." };
  if (!(await setRole(userId, role))) return { ok: false, error: "That user no longer exists." };
  revalidatePath("/admin/users");
  return { ok: true, message: `Role changed to ${role}.` };
});
