// POST /api/account/password { currentPassword, newPassword } — changes the signed-in user's
// password. The current password counts against the same limits as signing in (429 when a
// limit refuses). A change ends every session of the account, on every device; this browser
// gets a new one, so whoever changed it stays signed in.
import { z } from "zod";
import { newPasswordSchema, PASSWORD_MAX } from "@/lib/validation";
import { signedIn } from "@/server/access";
import { changePassword } from "@/server/auth";
import { jsonRoute, refuse } from "@/server/http/route";
import { clientAddress } from "@/server/security/client-address";
import { checkOwnPassword, TOO_MANY_PASSWORDS } from "@/server/security/password-check";
import { startSession } from "@/server/session";

const body = z.strictObject({
  currentPassword: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(PASSWORD_MAX, "That password is too long."),
  newPassword: newPasswordSchema,
});

export const POST = jsonRoute({ who: signedIn, body, invalid: () => "Some fields need fixing: see below." }, async ({ asker, body, request }) => {
  const check = await checkOwnPassword(asker, body.currentPassword, clientAddress(request.headers.get("x-forwarded-for")));
  if (check === "blocked") return refuse(429, TOO_MANY_PASSWORDS);
  if (check === "wrong") {
    const wrong = "That is not your current password. Nothing was changed.";
    return refuse(403, wrong, { currentPassword: wrong });
  }
  await startSession(await changePassword(asker.id, body.newPassword));
  return { ok: true, message: "Your password is changed. You are signed out everywhere else." };
});
