import "server-only";
// The review of the assessments. Before the course a student sees no result of the
// pre-assessment (a right/wrong per answer would coach them for the post-assessment). Both
// forms become reviewable — each answer, its feedback, the explanation and the key — once the
// student has taken the post-assessment AND their instructor has opened the review for the
// class. The instructor opens it when the class is done: an account made only to collect the
// keys (and deleted) learns nothing while classmates are still to take either form.
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { select } from "@/server/sql";

/** Whether the assessments' answers may be shown to this student now. */
export async function reviewOpen(userId: string): Promise<boolean> {
  // One statement on the driver: every assessment submission asks (server/sql.ts).
  const [row] = await select<{ post: unknown; open: unknown }>(Prisma.sql`
    SELECT
      EXISTS (SELECT 1 FROM "QuizAttempt" WHERE "userId" = ${userId} AND "kind" = 'post') AS "post",
      EXISTS (SELECT 1 FROM "Enrollment" e JOIN "Class" c ON c."id" = e."classId"
              WHERE e."userId" = ${userId} AND c."reviewOpenedAt" IS NOT NULL) AS "open"`);
  // SQLite answers 1/0 (as text, being 64-bit), PostgreSQL true/false.
  const yes = (v: unknown) => v === true || Number(v) === 1;
  return yes(row?.post) && yes(row?.open);
}

/** Opens or closes the review for a class (the caller has checked it is the asker's class). */
export async function setReviewOpen(classId: string, open: boolean): Promise<void> {
  await db.class.update({ where: { id: classId }, data: { reviewOpenedAt: open ? new Date() : null } });
}
