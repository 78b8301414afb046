// GET /api/quiz-status?lesson=…&quiz=… — where the signed-in student stands with one quiz:
// their attempts, the quiz as they see it for their next attempt (their own order of options,
// items and categories; their own form on an assessment) and their latest attempt as its
// policy lets them see it now (server/quiz/attempts.ts getQuizState).
import { z } from "zod";
import { Refusal, signedIn } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { getQuizState } from "@/server/quiz/attempts";

export const dynamic = "force-dynamic";

const query = z.object({ lesson: z.string().max(80).default(""), quiz: z.string().max(80).default("") });

export const GET = jsonRoute({ who: signedIn, query, invalid: () => "Unknown quiz." }, async ({ asker, query }) => {
  const state = await getQuizState(asker.id, query.lesson, query.quiz);
  return state ?? new Refusal(404, "Unknown quiz.");
});
