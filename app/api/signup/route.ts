// POST /api/signup — a student creates an account with a class join code.
// 201 created; 400 with a message per field; 429 too many sign-ups (or refused ones) from this
// network. A wrong join code or a taken email counts against the network's refused sign-ups, so
// neither guessing codes nor probing which emails have accounts gets far.
import { signUpSchema } from "@/lib/validation";
import { registerStudent } from "@/server/accounts";
import { anyone } from "@/server/access";
import { jsonRoute, refuse, reply } from "@/server/http/route";
import { clientAddress } from "@/server/security/client-address";
import { blockedFor, LIMIT_KEYS, record, SIGN_UP_ADDRESS, SIGN_UP_REFUSED_ADDRESS } from "@/server/security/rate-limit";

export const POST = jsonRoute(
  { who: anyone, body: signUpSchema, maxBytes: 8 * 1024, invalid: () => "Some fields need fixing: see below." },
  async ({ body, request }) => {
    const address = clientAddress(request.headers.get("x-forwarded-for"));
    const created = LIMIT_KEYS.signUpAddress(address);
    const refused = LIMIT_KEYS.signUpRefusedAddress(address);
    if (await blockedFor([created, refused])) {
      return refuse(429, "Too many accounts were created or refused from this network in the last hour. Try again later, or ask your instructor.");
    }
    const result = await registerStudent(body);
    if (!result.ok) {
      await record(refused, SIGN_UP_REFUSED_ADDRESS);
      return refuse(400, result.error, result.fields);
    }
    await record(created, SIGN_UP_ADDRESS);
    return reply(result, 201);
  },
);
