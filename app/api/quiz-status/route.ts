import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/server/auth";
import { getQuizDefinition } from "@/server/content/course";
import { getQuizStatus } from "@/server/quiz/attempts";

export const dynamic = "force-dynamic";

/** The signed-in student's own attempts at one quiz. */
export async function GET(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to see your attempts." }, { status: 401 });
  const lesson = request.nextUrl.searchParams.get("lesson") ?? "";
  const quizId = request.nextUrl.searchParams.get("quiz") ?? "";
  if (lesson.length > 80 || quizId.length > 80) return NextResponse.json({ error: "Unknown quiz." }, { status: 400 });
  const quiz = await getQuizDefinition(lesson, quizId);
  if (!quiz) return NextResponse.json({ error: "Unknown quiz." }, { status: 404 });
  return NextResponse.json(await getQuizStatus(user.id, quiz), { headers: { "Cache-Control": "private, no-store" } });
}
