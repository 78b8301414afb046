import "server-only";
// A user's own data: everything stored about them, for download, and deleting it.
// Deleting removes the account with its attempts, answers, progress and enrollments (the
// database cascades). Class statistics are computed from stored attempts, so they change to
// leave the student out; nothing is kept "anonymised", because in a class of 25 a row of
// answers with a time stamp is rarely anonymous (docs/privacy.md).
import { db } from "./db";
import type { CurrentUser } from "./auth";
import { deletePasswordCounters } from "./security/rate-limit";

export async function exportUserData(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      role: true,
      createdAt: true,
      enrollments: { select: { createdAt: true, class: { select: { name: true } } } },
      ltiLinks: { select: { issuer: true, sub: true, createdAt: true } },
      ltiLineItems: {
        select: {
          lessonSlug: true,
          lineItemUrl: true,
          scores: { orderBy: { createdAt: "asc" }, select: { scoreGiven: true, scoreMaximum: true, gradingProgress: true, timestamp: true, status: true, sentAt: true } },
        },
      },
      progress: { select: { lessonSlug: true, status: true, startedAt: true, completedAt: true } },
      attempts: {
        orderBy: { submittedAt: "asc" },
        select: {
          lessonSlug: true,
          quizId: true,
          kind: true,
          attemptNumber: true,
          score: true,
          maxScore: true,
          fraction: true,
          passed: true,
          trustFraction: true,
          doubtFraction: true,
          startedAt: true,
          submittedAt: true,
          answers: { select: { questionId: true, response: true, score: true, correct: true, timeMs: true } },
        },
      },
    },
  });
  return {
    exportedAt: new Date().toISOString(),
    about: "Everything Behind the Headline stores about you. Passwords are stored only as a one-way hash and are not included.",
    account: { name: user.name, email: user.email, role: user.role, createdAt: user.createdAt },
    classes: user.enrollments.map((e) => ({ name: e.class.name, joinedAt: e.createdAt })),
    learningPlatforms: user.ltiLinks.map((l) => ({ platform: l.issuer, yourIdThere: l.sub, linkedAt: l.createdAt })),
    gradesSentToLearningPlatforms: user.ltiLineItems.map((i) => ({ unit: i.lessonSlug, gradebookColumn: i.lineItemUrl, scores: i.scores })),
    progress: user.progress,
    attempts: user.attempts.map((a) => ({ ...a, answers: a.answers.map((x) => ({ ...x, response: JSON.parse(x.response) as unknown })) })),
  };
}

export type DeleteOutcome = { ok: true } | { ok: false; error: string };

/** Deletes the user's account and data. The caller has checked the password (password-check.ts). */
export async function deleteOwnAccount(user: CurrentUser): Promise<DeleteOutcome> {
  const row = await db.user.findUnique({ where: { id: user.id }, select: { _count: { select: { teaching: true } } } });
  if (!row) return { ok: false, error: "This account no longer exists." };
  if (row._count.teaching > 0) {
    return { ok: false, error: "You still teach classes. Delete them or hand them to another instructor first, so your students' work is not lost." };
  }
  if (user.role === "admin" && (await db.user.count({ where: { role: "admin" } })) <= 1) {
    return { ok: false, error: "You are the only admin. Make someone else an admin first." };
  }
  await db.$transaction([deletePasswordCounters(user.email), db.user.delete({ where: { id: user.id } })]);
  return { ok: true };
}
