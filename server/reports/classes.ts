import "server-only";
// Classes as an instructor sees them. Every function takes the asking user and returns only
// what that user may see: an instructor their own classes, an admin all. The access checks
// built on them (requireOwnClass, ownClass, …) are in server/access.ts.
import type { CurrentUser } from "@/server/auth";
import { getPublishedCourse, summarise, type UnitSummary } from "@/server/content/course";
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
  // Ids are generated (cuid): anything else cannot be a class, and must not reach the query.
  if (typeof classId !== "string" || classId.length > 64 || !/^[A-Za-z0-9_-]+$/.test(classId)) return null;
  return db.class.findFirst({
    where: { id: classId, ...ownedBy(user) },
    select: {
      id: true,
      name: true,
      joinCode: true,
      reviewOpenedAt: true,
      enrollments: {
        orderBy: { user: { name: "asc" } },
        select: { createdAt: true, user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}

export type OwnClass = NonNullable<Awaited<ReturnType<typeof classForInstructor>>>;
export type Student = OwnClass["enrollments"][number]["user"];

/** A student of this class, or null: instructors see only the students of their classes. */
export function studentOf(klass: OwnClass, studentId: string): Student | null {
  return klass.enrollments.find((e) => e.user.id === studentId)?.user ?? null;
}

/** The published units that have a graded quiz, in course order: the columns of reports. */
export async function reportUnits(): Promise<(UnitSummary & { quizId: string })[]> {
  return (await getPublishedCourse()).map(summarise).filter((u): u is UnitSummary & { quizId: string } => u.quizId !== null);
}
