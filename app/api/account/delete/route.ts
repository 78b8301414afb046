// POST /api/account/delete { password, confirm: "DELETE" } — deletes the signed-in user's
// account and data. The password counts against the same limits as signing in (429 when a
// limit refuses), so a borrowed session cannot guess it.
import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/validation";
import { signedIn } from "@/server/access";
import { jsonRoute, refuse } from "@/server/http/route";
import { deleteOwnAccount } from "@/server/privacy";
import { clientAddress } from "@/server/security/client-address";
import { checkOwnPassword, TOO_MANY_PASSWORDS } from "@/server/security/password-check";
import { clearSessionCookie } from "@/server/session";

const body = z.strictObject({ password: z.string().min(1).max(PASSWORD_MAX), confirm: z.literal("DELETE") });

export const POST = jsonRoute({ who: signedIn, body, invalid: () => "Type your password and the word DELETE to confirm." }, async ({ asker, body, request }) => {
  const check = await checkOwnPassword(asker, body.password, clientAddress(request.headers.get("x-forwarded-for")));
  if (check === "blocked") return refuse(429, TOO_MANY_PASSWORDS);
  if (check === "wrong") return refuse(403, "That password is not right. Your account was not deleted.");
  const outcome = await deleteOwnAccount(asker);
  if (!outcome.ok) return refuse(409, outcome.error);
  // The account's sessions ended with it (no user row); this removes the cookie here too.
  await clearSessionCookie();
  return outcome;
});
