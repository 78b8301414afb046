"use server";
// The signed-in user's own account. Guarded path: server/http/action.ts.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { joinCodeSchema } from "@/lib/validation";
import { signedIn } from "@/server/access";
import { joinClass } from "@/server/classes";
import { formAction } from "@/server/http/action";

/** Enrols the signed-in user in another class. */
export const joinClassAction = formAction({ who: signedIn, input: z.object({ joinCode: joinCodeSchema }) }, async ({ asker, input }) => {
  const joined = await joinClass(asker.id, input.joinCode);
  if (!joined) return { ok: false, error: "No class has that join code. Check it with your instructor." };
  revalidatePath("/account");
  return { ok: true, message: `You are in “${joined.name}”.` };
});
