"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ROLES } from "@/lib/roles";
import type { FormState } from "@/lib/validation";
import { getCurrentUser } from "@/server/auth";
import { setRole } from "@/server/users";

const schema = z.object({ userId: z.string().min(1).max(64), role: z.enum(ROLES) });

/** Admins only: gives a user another role (instructor, author, …). */
export async function setRoleAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user || user.role !== "admin") return { ok: false, error: "Only admins can change roles." };
  const parsed = schema.safeParse({ userId: data.get("userId"), role: data.get("role") });
  if (!parsed.success) return { ok: false, error: "Choose one of the roles." };
  // An admin demoting themselves could leave nobody able to undo it.
  if (parsed.data.userId === user.id) return { ok: false, error: "You cannot change your own role." };
  if (!(await setRole(parsed.data.userId, parsed.data.role))) return { ok: false, error: "That user no longer exists." };
  revalidatePath("/admin/users");
  return { ok: true, message: `Role changed to ${parsed.data.role}.` };
}
