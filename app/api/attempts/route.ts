// POST /api/attempts — submit one quiz attempt as JSON (shape: server/quiz/payload.ts).
// 200 with the graded result; 400 malformed or unknown quiz/question/option; 401 not signed in;
// 403 from another site; 409 no attempts left; 413 body too large; 415 not JSON; 503 busy (with
// Retry-After: submissions wait their turn first come, first served — server/quiz/gate.ts).
// A refused request stores nothing.
import { signedInOr } from "@/server/access";
import { submissionGate } from "@/server/quiz/gate";
import { jsonRoute, reply } from "@/server/http/route";
import { submitValidAttempt, SubmitRefusal } from "@/server/quiz/attempts";
import { payloadError, submissionSchema } from "@/server/quiz/payload";

export const dynamic = "force-dynamic";

const who = signedInOr("Your session has ended. Sign in again in another tab, then submit: your answers are still here.");

export const POST = jsonRoute({ who, body: submissionSchema, maxBytes: 64 * 1024, invalid: payloadError, admission: submissionGate }, async ({ asker, body }) => {
  const result = await submitValidAttempt(asker.id, body);
  return reply(result, result.ok ? 200 : result.refusal === SubmitRefusal.NoAttemptsLeft ? 409 : result.refusal === SubmitRefusal.Busy ? 503 : 400);
});
