import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/server/auth";
import { getPublishedLesson } from "@/server/content/course";
import { markStarted } from "@/server/quiz/attempts";

const bodySchema = z.strictObject({ lesson: z.string().min(1).max(80) });

/** Records that the signed-in student opened a unit (its "in progress" status). */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in first." }, { status: 401 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) return NextResponse.json({ error: "Send { lesson: \"slug\" }." }, { status: 400 });
  const lesson = await getPublishedLesson(body.data.lesson);
  if (!lesson) return NextResponse.json({ error: "Unknown unit." }, { status: 404 });
  await markStarted(user.id, lesson.slug);
  return NextResponse.json({ ok: true });
}
