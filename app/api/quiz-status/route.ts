// GET /api/quiz-status?lesson=…&quiz=… — the signed-in student's own attempts at one quiz.
import { z } from "zod";
import { Refusal, signedIn } from "@/server/access";
import { getQuizDefinition } from "@/server/content/course";
import { jsonRoute } from "@/server/http/route";
import { getQuizStatus } from "@/server/quiz/attempts";

export const dynamic = "force-dynamic";

const query = z.object({ lesson: z.string().max(80).default(""), quiz: z.string().max(80).default("") });

export const GET = jsonRoute({ who: signedIn, query, invalid: () => "Unknown quiz." }, async ({ asker, query }) => {
  const quiz = await getQuizDefinition(query.lesson, query.quiz);
  if (!quiz) return new Refusal(404, "Unknown quiz.");
  return getQuizStatus(asker.id, quiz);
});
