"use server";
import { revalidatePath } from "next/cache";
import { joinCodeSchema, type FormState } from "@/lib/validation";
import { getCurrentUser } from "@/server/auth";
import { joinClass } from "@/server/classes";

/** Enrols the signed-in user in another class. */
export async function joinClassAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Sign in first." };
  const code = joinCodeSchema.safeParse(data.get("joinCode"));
  if (!code.success) return { ok: false, error: code.error.issues[0].message };
  const joined = await joinClass(user.id, code.data);
  if (!joined) return { ok: false, error: "No class has that join code. Check it with your instructor." };
  revalidatePath("/account");
  return { ok: true, message: `You are in “${joined.name}”.` };
}
