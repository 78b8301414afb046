import "server-only";
// Classes as an instructor sees them. Every function takes the asking user and returns only
// what that user may see: an instructor their own classes, an admin all.
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

function ownedBy(user: CurrentUser) {
  return user.role === "admin" ? {} : { instructorId: user.id };
}

export async function classesFor(user: CurrentUser) {
  return db.class.findMany({
    where: ownedBy(user),
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, joinCode: true, _count: { select: { enrollments: true } } },
  });
}

/** A class with its students, or null when it does not exist or is not the user's. */
export async function classForInstructor(user: CurrentUser, classId: string) {
  if (typeof classId !== "string" || classId.length > 64) return null;
  return db.class.findFirst({
    where: { id: classId, ...ownedBy(user) },
    select: {
      id: true,
      name: true,
      joinCode: true,
      enrollments: {
        orderBy: { user: { name: "asc" } },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}

/** The latest graded attempt of each student at each quiz: studentId → quizId → attempt. */
export async function latestAttempts(userIds: string[]) {
  const attempts = await db.quizAttempt.findMany({
    where: { userId: { in: userIds }, kind: { not: "practice" } },
    orderBy: { submittedAt: "asc" },
    select: { userId: true, quizId: true, lessonSlug: true, percent: true, passed: true, attemptNumber: true, submittedAt: true },
  });
  const out = new Map<string, Map<string, (typeof attempts)[number]>>();
  for (const a of attempts) {
    if (!out.has(a.userId)) out.set(a.userId, new Map());
    out.get(a.userId)!.set(a.lessonSlug, a);
  }
  return out;
}
