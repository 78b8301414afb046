import "server-only";
// The review of the assessments. Before the course a student sees no result of the
// pre-assessment (a right/wrong per answer would coach them for the post-assessment). Both
// forms become reviewable — each answer, its feedback, the explanation and the key — once the
// student has taken the post-assessment AND their instructor has opened the review for the
// class. The instructor opens it when the class is done: an account made only to collect the
// keys (and deleted) learns nothing while classmates are still to take either form.
import { db } from "@/server/db";

/** Whether the assessments' answers may be shown to this student now. */
export async function reviewOpen(userId: string): Promise<boolean> {
  const [post, open] = await Promise.all([
    db.quizAttempt.count({ where: { userId, kind: "post" } }),
    db.enrollment.count({ where: { userId, class: { reviewOpenedAt: { not: null } } } }),
  ]);
  return post > 0 && open > 0;
}

/** Opens or closes the review for a class (the caller has checked it is the asker's class). */
export async function setReviewOpen(classId: string, open: boolean): Promise<void> {
  await db.class.update({ where: { id: classId }, data: { reviewOpenedAt: open ? new Date() : null } });
}
