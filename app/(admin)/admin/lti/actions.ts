"use server";
// Admins register learning platforms (LTI 1.3). Guarded path: server/http/action.ts.
import { revalidatePath } from "next/cache";
import { platformForm } from "@/lib/lti";
import { admin } from "@/server/access";
import { formAction } from "@/server/http/action";
import { registerPlatform } from "@/server/lti/platforms";

/** Admins only: registers a platform (issuer, client id, deployments, its OIDC, token and key URLs). */
export const registerPlatformAction = formAction({ who: admin, input: platformForm }, async ({ input }) => {
  if (!(await registerPlatform(input))) return { ok: false, error: "This platform (issuer and client id) is registered already." };
  revalidatePath("/admin/lti");
  return { ok: true, message: `${input.name} is registered. Its users can now launch Behind the Headline.` };
});
