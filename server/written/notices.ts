import "server-only";
// Telling a student their written answers were scored: how many reviews they have not seen
// (the course page's notice), and marking them seen when the unit shows them.
import { db } from "@/server/db";

/** Written answers of this student scored since they last looked, by unit. */
export async function unseenReviews(userId: string): Promise<{ lessonSlug: string; count: number }[]> {
  const rows = await db.answer.findMany({
    where: { reviewedAt: { not: null }, reviewSeenAt: null, attempt: { userId } },
    select: { attempt: { select: { lessonSlug: true } } },
  });
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.attempt.lessonSlug, (counts.get(r.attempt.lessonSlug) ?? 0) + 1);
  return [...counts].map(([lessonSlug, count]) => ({ lessonSlug, count }));
}

/** Marks the reviews of this student's answers to one quiz as seen (its page has shown them). */
export async function markReviewsSeen(userId: string, quizId: string): Promise<void> {
  await db.answer.updateMany({ where: { attempt: { userId, quizId }, reviewedAt: { not: null }, reviewSeenAt: null }, data: { reviewSeenAt: new Date() } });
}
