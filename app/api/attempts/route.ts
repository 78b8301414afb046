// POST /api/attempts — submit one quiz attempt as JSON (see server/quiz/payload.ts).
// 200 with the graded result; 400 malformed or unknown quiz/question/option; 401 not signed in;
// 409 no attempts left; 413 body too large. A refused request stores nothing.
import { NextResponse, type NextRequest } from "next/server";
import { getCurrentUser } from "@/server/auth";
import { submitAttempt, SubmitRefusal } from "@/server/quiz/attempts";

export const dynamic = "force-dynamic";
const MAX_BODY_BYTES = 64 * 1024;

export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) {
    return NextResponse.json(
      { ok: false, error: "Your session has ended. Sign in again in another tab, then submit: your answers are still here." },
      { status: 401 },
    );
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  const text = declared > MAX_BODY_BYTES ? null : await request.text();
  if (text === null || Buffer.byteLength(text) > MAX_BODY_BYTES) {
    return NextResponse.json({ ok: false, error: "The submission is too large. Nothing was saved." }, { status: 413 });
  }
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return NextResponse.json({ ok: false, error: "The submission was not valid JSON. Nothing was saved." }, { status: 400 });
  }
  const result = await submitAttempt(user.id, payload);
  const status = result.ok ? 200 : result.refusal === SubmitRefusal.NoAttemptsLeft ? 409 : result.refusal === SubmitRefusal.Busy ? 503 : 400;
  return NextResponse.json(result, { status, headers: { "Cache-Control": "no-store" } });
}
