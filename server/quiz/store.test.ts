// The submission's raw SQL (./store.ts) against the real schema, on whichever database the
// suite runs on (SQLite, then PostgreSQL in npm test): what it writes reads back through the
// model API exactly, and the unique indexes refuse a repeat or a race with the errors the
// submission path recognises.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/test/scratch-database";

const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.url;
const { db } = await import("@/server/db");
const { attemptByKey, attemptWithAnswers, earlierAttempts, storeAttempt } = await import("./store");
const { isUniqueViolation } = await import("@/server/prisma-client");

let userId = "";
beforeAll(async () => {
  userId = (await db.user.create({ data: { email: "store@example.org", name: "S", passwordHash: "x" } })).id;
  // Answers point to the question version they answered (the submission stores it first).
  for (const id of ["v1", "v2"]) await db.questionVersion.create({ data: { id, questionId: `q${id[1]}`, quizId: "claims-quiz", definition: "{}" } });
});
afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

const attempt = (over: Partial<Parameters<typeof storeAttempt>[0]> = {}): Parameters<typeof storeAttempt>[0] => ({
  userId,
  lessonSlug: "claims",
  quizId: "claims-quiz",
  kind: "unit",
  attemptNumber: 1,
  submissionKey: `k-${Math.random()}`,
  score: 1.5,
  maxScore: 2,
  fraction: 0.75,
  passed: true,
  trustFraction: 0.5,
  doubtFraction: null,
  sensitivity: 1.234,
  bias: -0.5,
  pendingCount: 1,
  startedAt: new Date("2026-11-22T10:00:00.123Z"),
  submittedAt: new Date("2026-11-22T10:05:00.456Z"),
  answers: [
    { questionId: "q1", questionVersion: "v1", response: '{"choice":"o1"}', score: 1, maxScore: 1, correct: true, pending: false, timeMs: 1200 },
    { questionId: "q2", questionVersion: "v2", response: '{"text":"Who said it?"}', score: 0, maxScore: 1, correct: false, pending: true, timeMs: null },
  ],
  completesUnit: true,
  ...over,
});

describe("the submission's statements", () => {
  it("store what the model API reads back, field for field", async () => {
    const a = attempt();
    await storeAttempt(a);
    const stored = await db.quizAttempt.findFirstOrThrow({ where: { submissionKey: a.submissionKey }, include: { answers: { orderBy: { questionId: "asc" } } } });
    expect(stored).toMatchObject({
      userId, lessonSlug: "claims", quizId: "claims-quiz", kind: "unit", attemptNumber: 1, score: 1.5, maxScore: 2, fraction: 0.75, passed: true,
      trustFraction: 0.5, doubtFraction: null, sensitivity: 1.234, bias: -0.5, pendingCount: 1, startedAt: a.startedAt, submittedAt: a.submittedAt,
    });
    expect(stored.answers.map((x) => [x.questionId, x.questionVersion, x.response, x.score, x.correct, x.pending, x.timeMs])).toEqual([
      ["q1", "v1", '{"choice":"o1"}', 1, true, false, 1200],
      ["q2", "v2", '{"text":"Who said it?"}', 0, false, true, null],
    ]);
    expect(await db.lessonProgress.findUnique({ where: { userId_lessonSlug: { userId, lessonSlug: "claims" } } })).toMatchObject({ status: "completed", completedAt: a.submittedAt });
    expect(await earlierAttempts(userId, "claims-quiz")).toEqual([{ attemptNumber: 1, fraction: 0.75, passed: true, submittedAt: a.submittedAt }]);
  });

  it("read an attempt back by its submission key, with its answers as the model API reads them (a replayed submission)", async () => {
    const a = attempt({ quizId: "q-replay" });
    await storeAttempt(a);
    const found = await attemptByKey(userId, a.submissionKey);
    const model = await db.quizAttempt.findFirstOrThrow({ where: { submissionKey: a.submissionKey }, include: { answers: true } });
    expect(found).toEqual({ id: model.id, quizId: "q-replay" });
    expect(await attemptByKey(userId, "no-such-key")).toBeNull();
    await db.answer.updateMany({ where: { attemptId: model.id, questionId: "q2" }, data: { reviewLevel: "partial", reviewComment: "Name the source.", reviewedAt: new Date("2026-11-23T08:00:00.000Z") } });
    const read = await attemptWithAnswers(model.id);
    expect(read).toMatchObject({ attemptNumber: 1, fraction: 0.75, passed: true, submittedAt: a.submittedAt });
    expect(read!.answers.sort((x, y) => x.questionId.localeCompare(y.questionId))).toEqual([
      { questionId: "q1", response: '{"choice":"o1"}', score: 1, correct: true, pending: false, reviewLevel: null, reviewComment: null, reviewedAt: null },
      { questionId: "q2", response: '{"text":"Who said it?"}', score: 0, correct: false, pending: true, reviewLevel: "partial", reviewComment: "Name the source.", reviewedAt: new Date("2026-11-23T08:00:00.000Z") },
    ]);
    expect(await attemptWithAnswers("no-such-attempt")).toBeNull();
  });

  it("refuse a repeated submission key and a taken attempt number, recognisably", async () => {
    const first = attempt({ quizId: "q-race", attemptNumber: 1 });
    await storeAttempt(first);
    const repeat = await storeAttempt({ ...first, attemptNumber: 2 }).catch((e: unknown) => e);
    expect(isUniqueViolation(repeat, "submissionKey")).toBe(true);
    const race = await storeAttempt(attempt({ quizId: "q-race", attemptNumber: 1 })).catch((e: unknown) => e);
    expect(isUniqueViolation(race, "attemptNumber")).toBe(true);
    expect(isUniqueViolation(race, "submissionKey")).toBe(false);
    // Nothing of a refused transaction is left behind.
    expect(await db.quizAttempt.count({ where: { quizId: "q-race" } })).toBe(1);
    expect(await db.answer.count({ where: { attempt: { quizId: "q-race" } } })).toBe(2);
  });

  it("mark a unit completed once, however often", async () => {
    await db.lessonProgress.create({ data: { userId, lessonSlug: "numbers" } }); // opened earlier: "started"
    await storeAttempt(attempt({ lessonSlug: "numbers", quizId: "numbers-quiz" }));
    await storeAttempt(attempt({ lessonSlug: "numbers", quizId: "numbers-quiz", attemptNumber: 2 }));
    const rows = await db.lessonProgress.findMany({ where: { userId, lessonSlug: "numbers" } });
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe("completed");
  });

  it("queue the unit's score for the LMS only when the student has a line item for the unit: best attempt, PendingManual while answers wait", async () => {
    const none = await storeAttempt(attempt({ lessonSlug: "sources", quizId: "sources-quiz" }));
    expect(none.scoresQueued).toBe(0);
    const platform = await db.ltiPlatform.create({ data: { name: "LMS", issuer: "https://lms.example.org", clientId: "c", authUrl: "https://lms.example.org/a", tokenUrl: "https://lms.example.org/t", jwksUrl: "https://lms.example.org/j" } });
    const klass = await db.class.create({ data: { name: "C", instructorId: userId } });
    const item = await db.ltiLineItem.create({
      data: { platformId: platform.id, userId, classId: klass.id, userSub: "lms-user-1", resourceLinkId: "link-1", lessonSlug: "sources", lineItemUrl: "https://lms.example.org/li/1", scopes: "score" },
    });
    const second = attempt({ lessonSlug: "sources", quizId: "sources-quiz", attemptNumber: 2, fraction: 0.5, pendingCount: 0 });
    expect((await storeAttempt(second)).scoresQueued).toBe(1);
    const row = await db.ltiScoreOutbox.findFirstOrThrow({ where: { lineItemId: item.id } });
    // The best of the unit's attempts (0.75, with a written answer waiting), not this one (0.5).
    expect(row).toMatchObject({
      platformId: platform.id, userId, userSub: "lms-user-1", lineItemUrl: "https://lms.example.org/li/1", lessonSlug: "sources", scoreGiven: 75, scoreMaximum: 100,
      activityProgress: "Completed", gradingProgress: "PendingManual", status: "pending", attempts: 0, timestamp: second.submittedAt, nextTryAt: second.submittedAt, createdAt: second.submittedAt,
    });
    expect(row.key).toBe(row.id);
    expect(row.key).toMatch(new RegExp(`^attempt:[0-9a-f-]{36}:${item.id}$`));
    // Practice and assessments queue nothing.
    expect((await storeAttempt(attempt({ lessonSlug: "sources", quizId: "sources-practice", kind: "practice" }))).scoresQueued).toBe(0);
    expect(await db.ltiScoreOutbox.count()).toBe(1);
  });
});
