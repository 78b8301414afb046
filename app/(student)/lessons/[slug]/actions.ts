"use server";
import type { SubmitResult } from "@/lib/quiz";
import { getCurrentUser } from "@/server/auth";
import { submitAttempt } from "@/server/quiz/attempts";

/** Grades and stores one quiz submission for the signed-in user. */
export async function submitQuiz(payload: unknown): Promise<SubmitResult> {
  const user = await getCurrentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again in another tab, then submit: your answers are still here." };
  return submitAttempt(user.id, payload);
}
