// Submissions against a real (throwaway) database — SQLite, or PostgreSQL when the suite runs
// against it: exactly-once storage under retries and races, the attempt limit, and refusals
// that store nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/generated/prisma/client";
import { createScratchDatabase } from "@/lib/test/scratch-database";

const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.url;

const { db } = await import("@/server/db");
const { markStarted, submitAttempt, upsertRacing } = await import("./attempts");
const { getQuizDefinition } = await import("@/server/content/course");
const { isReviewed, sampleResponse } = await import("@/questions/server");

let userId = "";
let n = 0;
const key = () => `test-key-${Date.now()}-${n++}`;

async function quiz(slug: string) {
  const lesson = await import("@/server/content/course").then((m) => m.getLesson(slug));
  const q = lesson!.quizzes.find((x) => !x.practice)!;
  return (await getQuizDefinition(slug, q.id))!;
}

async function correctAnswers(slug: string) {
  const q = await quiz(slug);
  // The key of each question; a written question gets its top exemplar (it waits for the instructor).
  return { quizId: q.id, answers: Object.fromEntries(q.questions.map((x) => [x.id, sampleResponse(x, true)])), written: q.questions.filter(isReviewed).length };
}

const count = (where: object = {}) => db.quizAttempt.count({ where: { userId, ...where } });

beforeAll(async () => {
  // Form A before the course, B after (server/quiz/forms.ts), so the pre-assessment is form A.
  const user = await db.user.create({ data: { email: "t@example.org", name: "T", passwordHash: "x", assessmentOrder: "AB" } });
  userId = user.id;
});
afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

describe("submitting a quiz", () => {
  it("stores the attempt with every answer and returns per-question feedback", async () => {
    const { quizId, answers, written } = await correctAnswers("lone-wolf");
    expect(written).toBeGreaterThan(0);
    const res = await submitAttempt(userId, { lessonSlug: "lone-wolf", quizId, submissionKey: key(), answers });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    // Every auto-scored question right; the written answer waits and counts 0 until scored.
    const total = Object.keys(answers).length;
    expect(res.fraction).toBeCloseTo((total - written) / total);
    expect(res.pendingCount).toBe(written);
    expect(res.passed).toBe(true);
    const waiting = res.questions.filter((q) => q.review?.state === "pending");
    expect(waiting).toHaveLength(written);
    expect(res.questions.filter((q) => !q.review).every((q) => q.correct && (q.explanationHtml ?? "").length > 0)).toBe(true);
    expect(waiting.every((q) => q.score === 0 && !q.correct)).toBe(true);
    const stored = await db.quizAttempt.findFirstOrThrow({ where: { userId, quizId }, include: { answers: true } });
    expect(stored.answers).toHaveLength(Object.keys(answers).length);
    expect(await db.questionVersion.count({ where: { quizId } })).toBe(Object.keys(answers).length);
    expect(await db.lessonProgress.findFirst({ where: { userId, lessonSlug: "lone-wolf" } })).toMatchObject({ status: "completed" });
  });

  it("stores a retried submission once and answers the retry with the same result", async () => {
    const { quizId, answers } = await correctAnswers("claims");
    const submissionKey = key();
    const before = await count({ quizId });
    const first = await submitAttempt(userId, { lessonSlug: "claims", quizId, submissionKey, answers });
    const retry = await submitAttempt(userId, { lessonSlug: "claims", quizId, submissionKey, answers });
    expect(retry).toEqual(first);
    expect(await count({ quizId })).toBe(before + 1);
  });

  it("stores ten racing copies of one submission exactly once", async () => {
    const { quizId, answers } = await correctAnswers("numbers");
    const submissionKey = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitAttempt(userId, { lessonSlug: "numbers", quizId, submissionKey, answers })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(new Set(results.map((r) => (r.ok ? r.attemptNumber : -1))).size).toBe(1);
    expect(await count({ quizId })).toBe(1);
  });

  it("answers racing copies of a one-attempt quiz's submission with the stored result, not 'no attempts left'", async () => {
    const { quizId, answers } = await correctAnswers("pre-assessment");
    const submissionKey = key();
    const results = await Promise.all(Array.from({ length: 10 }, () => submitAttempt(userId, { lessonSlug: "pre-assessment", quizId, submissionKey, answers })));
    expect(results.filter((r) => !r.ok)).toEqual([]);
    expect(await count({ quizId })).toBe(1);
  });

  it("holds the attempt limit when several tabs submit at once", async () => {
    const q = await quiz("sources");
    expect(q.policy.maxAttempts).toBe(3);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => submitAttempt(userId, { lessonSlug: "sources", quizId: q.id, submissionKey: key(), answers: {} })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({ error: expect.stringMatching(/used all 3 attempts/) });
    expect(await count({ quizId: q.id })).toBe(3);
    const numbers = (await db.quizAttempt.findMany({ where: { userId, quizId: q.id }, select: { attemptNumber: true } })).map((a) => a.attemptNumber).sort();
    expect(numbers).toEqual([1, 2, 3]);
  });
});

describe("writes that race on a unique index (several tabs or app instances)", () => {
  it("marks a unit started once when ten requests open it at once", async () => {
    await Promise.all(Array.from({ length: 10 }, () => markStarted(userId, "race-unit")));
    expect(await db.lessonProgress.count({ where: { userId, lessonSlug: "race-unit" } })).toBe(1);
  });

  it("stores each question version once when first submissions of a quiz race", async () => {
    const { quizId, answers } = await correctAnswers("covering-terror");
    const others = await Promise.all(
      Array.from({ length: 5 }, (_, i) => db.user.create({ data: { email: `race${i}@example.org`, name: "R", passwordHash: "x" } })),
    );
    const results = await Promise.all(others.map((u) => submitAttempt(u.id, { lessonSlug: "covering-terror", quizId, submissionKey: key(), answers })));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(await db.questionVersion.count({ where: { quizId } })).toBe(Object.keys(answers).length);
  });

  it("an upsert that loses the race runs again; other errors pass through", async () => {
    const lost = new Prisma.PrismaClientKnownRequestError("Unique constraint failed", { code: "P2002", clientVersion: "6.19.3", meta: { target: ["id"] } });
    let calls = 0;
    await expect(upsertRacing(async () => (calls++ === 0 ? Promise.reject(lost) : "stored"))).resolves.toBe("stored");
    expect(calls).toBe(2);
    await expect(upsertRacing(() => Promise.reject(new Error("disk full")))).rejects.toThrow("disk full");
  });
});

describe("bad submissions are refused with a message and store nothing", () => {
  const cases: [string, () => Promise<unknown>, RegExp][] = [
    ["an unknown question id", async () => ({ lessonSlug: "covering-terror", quizId: (await quiz("covering-terror")).id, submissionKey: key(), answers: { "no-such-question": { choice: "o1" } } }), /has no question "no-such-question"/],
    ["an option that does not exist", async () => {
      const q = (await quiz("covering-terror")).questions.find((x) => x.type === "single")!;
      return { lessonSlug: "covering-terror", quizId: q.quizId, submissionKey: key(), answers: { [q.id]: { choice: "o99" } } };
    }, /has no option "o99"/],
    ["answers for another lesson's quiz", async () => ({ lessonSlug: "covering-terror", quizId: (await quiz("lone-wolf")).id, submissionKey: key(), answers: {} }), /There is no quiz "lone-wolf-quiz" in the unit "covering-terror"/],
    ["a response of the wrong shape", async () => {
      const q = (await quiz("covering-terror")).questions.find((x) => x.type === "single")!;
      return { lessonSlug: "covering-terror", quizId: q.quizId, submissionKey: key(), answers: { [q.id]: { order: ["o1"] } } };
    }, /takes one choice/],
    ["a malformed payload", async () => ({ lessonSlug: 42, answers: "all of them" }), /not understood/],
    ["a payload that is not an object", async () => "DROP TABLE users;", /not understood/],
    ["an oversized payload", async () => ({ lessonSlug: "covering-terror", quizId: "covering-quiz", submissionKey: key(), answers: Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`q${i}`, { choice: "x".repeat(30) }])) }), /not understood/],
    ["an over-long id", async () => ({ lessonSlug: "x".repeat(5000), quizId: "covering-quiz", submissionKey: key(), answers: {} }), /not understood/],
    ["extra fields", async () => ({ lessonSlug: "covering-terror", quizId: "covering-quiz", submissionKey: key(), answers: {}, score: 100 }), /not understood/],
  ];
  it.each(cases)("%s", async (_name, payload, message) => {
    const before = await count();
    const res = await submitAttempt(userId, await payload());
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error).toMatch(message);
    expect(await count()).toBe(before);
  });
});
