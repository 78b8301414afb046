"use server";
// Admins register learning platforms (LTI 1.3). Guarded path: server/http/action.ts.
import { revalidatePath } from "next/cache";
import { platformForm } from "@/lib/lti";
import { admin } from "@/server/access";
import { formAction } from "@/server/http/action";
import { registerPlatform } from "@/server/lti/platforms";

/**
 * Admins only: registers a platform (issuer, client id, deployments, its OIDC, token and key
 * URLs), or adds deployment ids to one registered with the same issuer and client id.
 */
export const registerPlatformAction = formAction({ who: admin, input: platformForm }, async ({ input }) => {
  const result = await registerPlatform(input);
  if (result.kind === "unchanged") return { ok: false, error: "This platform (issuer and client id) is registered already, with these deployment ids." };
  revalidatePath("/admin/lti");
  if (result.kind === "deployments-added") return { ok: true, message: `Deployment ${result.added.join(", ")} added to the platform registered with this issuer and client id.` };
  return { ok: true, message: `${input.name} is registered. Its users can now launch Behind the Headline.` };
});
