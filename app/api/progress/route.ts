// POST /api/progress { lesson } — records that the signed-in student opened a unit ("in progress").
// 204 when recorded: the page that sends it does not read an answer (a body left unread keeps
// the browser's request open).
import { z } from "zod";
import { Refusal, signedIn } from "@/server/access";
import { getPublishedLesson } from "@/server/content/course";
import { jsonRoute } from "@/server/http/route";
import { markStarted } from "@/server/quiz/attempts";

export const POST = jsonRoute(
  { who: signedIn, body: z.strictObject({ lesson: z.string().min(1).max(80) }), invalid: () => 'Send { "lesson": "slug" }.' },
  async ({ asker, body }) => {
    const lesson = await getPublishedLesson(body.lesson);
    if (!lesson) return new Refusal(404, "Unknown unit.");
    await markStarted(asker.id, lesson.slug);
    return new Response(null, { status: 204 });
  },
);
