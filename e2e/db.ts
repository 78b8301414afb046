// Direct database access for tests that must prove what was (not) stored. Same client factory
// as the app; DATABASE_URL is the throwaway database `npm test` created.
import { createPrismaClient } from "../server/prisma-client";

let client: ReturnType<typeof createPrismaClient> | undefined;
export function testDb() {
  client ??= createPrismaClient(process.env.DATABASE_URL);
  return client;
}

/**
 * Row counts of every table that user input can write to, for the rows one user owns (tests
 * run in parallel, so whole-table counts would see other tests' writes).
 */
export async function rowsOf(email: string) {
  const db = testDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return { user: 0, classes: 0, enrollments: 0, attempts: 0, answers: 0, progress: 0 };
  const userId = user.id;
  const [classes, enrollments, attempts, answers, progress] = await Promise.all([
    db.class.count({ where: { instructorId: userId } }),
    db.enrollment.count({ where: { userId } }),
    db.quizAttempt.count({ where: { userId } }),
    db.answer.count({ where: { attempt: { userId } } }),
    db.lessonProgress.count({ where: { userId } }),
  ]);
  return { user: 1, classes, enrollments, attempts, answers, progress };
}
