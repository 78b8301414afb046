// Written answers against a real (throwaway) database — SQLite, or PostgreSQL when the suite
// runs against it: a submitted written answer waits in its class's queue, scoring it makes the
// attempt's score final (and a re-grade keeps the history), the student is told once, and an
// instructor of another class can neither see nor score it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/test/scratch-database";
import type { CurrentUser } from "@/server/auth";

const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.url;

const { db } = await import("@/server/db");
const { submitAttempt, getQuizState } = await import("@/server/quiz/attempts");
const { getLesson } = await import("@/server/content/course");
const { classForInstructor } = await import("@/server/reports/classes");
const { isReviewed, rubricOf, sampleResponse } = await import("@/questions/server");
const { answerForReview, pendingAnswers, pendingCounts, recentlyReviewed, recordReview } = await import("./answers");
const { unseenReviews } = await import("./notices");
const { analyseQuiz } = await import("@/server/reports/items");
const { gainReport } = await import("@/server/reports/gain");
const { progressFor } = await import("@/server/reports/progress");

const person = (id: string, role: string): CurrentUser => ({ id, role, name: role, email: `${id}@example.org` }) as CurrentUser;
let teacher: CurrentUser;
let stranger: CurrentUser;
let studentId = "";
let classId = "";
let foreignClassId = "";

beforeAll(async () => {
  const t = await db.user.create({ data: { email: "teach@example.org", name: "Teacher", passwordHash: "x", role: "instructor" } });
  const o = await db.user.create({ data: { email: "other@example.org", name: "Other", passwordHash: "x", role: "instructor" } });
  const s = await db.user.create({ data: { email: "stu@example.org", name: "Sam Student", passwordHash: "x" } });
  teacher = person(t.id, "instructor");
  stranger = person(o.id, "instructor");
  studentId = s.id;
  classId = (await db.class.create({ data: { name: "Mine", instructorId: t.id, enrollments: { create: { userId: s.id } } } })).id;
  foreignClassId = (await db.class.create({ data: { name: "Theirs", instructorId: o.id } })).id;
});
afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

async function submitUnit(slug: string) {
  const quiz = (await getLesson(slug))!.quizzes.find((q) => !q.practice)!;
  const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, sampleResponse(q, true)]));
  const res = await submitAttempt(studentId, { lessonSlug: slug, quizId: quiz.id, submissionKey: `k-${slug}-${Date.now()}`, answers });
  if (!res.ok) throw new Error(res.error);
  return { quiz, res, written: quiz.questions.find(isReviewed)! };
}

describe("a written answer", () => {
  it("waits in its class's queue, scored by a level of its rubric; a re-grade keeps the history", async () => {
    const { quiz, res, written } = await submitUnit("numbers");
    expect(res.pendingCount).toBe(1);
    const klass = (await classForInstructor(teacher, classId))!;
    const queue = await pendingAnswers(klass);
    expect(queue.map((a) => [a.studentName, a.questionId, a.lessonSlug])).toEqual([["Sam Student", written.id, "numbers"]]);
    expect(await pendingAnswers(klass, { unit: "claims" })).toEqual([]);
    expect(await pendingAnswers(klass, { question: written.id })).toHaveLength(1);
    expect((await pendingCounts([classId, foreignClassId])).get(classId)).toBe(1);

    const item = (await answerForReview(klass, queue[0].answerId))!;
    const { levels, exemplars } = rubricOf(written)!;
    expect(item.text).toBe(exemplars[levels.at(-1)!.id]);
    expect(item.levels.map((l) => l.id)).toEqual(levels.map((l) => l.id));
    expect(item.exemplars).toEqual(exemplars);

    expect(await recordReview(klass, teacher.id, queue[0].answerId, "brilliant")).toMatchObject({ ok: false });
    const top = await recordReview(klass, teacher.id, queue[0].answerId, levels.at(-1)!.id, "  You named the source and the date.  ");
    expect(top).toEqual({ ok: true, level: levels.at(-1)!.label, attemptFinal: true });
    const scored = await db.quizAttempt.findFirstOrThrow({ where: { userId: studentId, quizId: quiz.id }, select: { fraction: true, passed: true, pendingCount: true, score: true } });
    expect(scored).toEqual({ fraction: 1, passed: true, pendingCount: 0, score: quiz.questions.length });
    expect(await pendingAnswers(klass)).toEqual([]);
    expect((await pendingCounts([classId])).get(classId)).toBe(0);

    // Scored again, lower: the attempt follows, the history keeps both, in order.
    await recordReview(klass, teacher.id, queue[0].answerId, levels[0].id);
    const again = await db.quizAttempt.findFirstOrThrow({ where: { userId: studentId, quizId: quiz.id }, select: { fraction: true } });
    expect(again.fraction).toBeCloseTo((quiz.questions.length - 1) / quiz.questions.length);
    const history = (await answerForReview(klass, queue[0].answerId))!.history;
    expect(history.map((h) => [h.level, h.comment, h.reviewer])).toEqual([
      [levels.at(-1)!.label, "You named the source and the date.", "Teacher"],
      [levels[0].label, null, "Teacher"],
    ]);
    expect((await recentlyReviewed(klass)).map((r) => r.answerId)).toEqual([queue[0].answerId]);
  });

  it("reaches its student once: the course page's notice until the unit shows the review", async () => {
    const { quiz } = await submitUnit("claims");
    const klass = (await classForInstructor(teacher, classId))!;
    const [entry] = await pendingAnswers(klass, { unit: "claims" });
    const state = await getQuizState(studentId, "claims", quiz.id);
    expect(state!.last!.questions.find((q) => q.questionId === entry.questionId)!.review).toEqual({ state: "pending" });

    const before = (await unseenReviews(studentId)).find((r) => r.lessonSlug === "claims");
    expect(before).toBeUndefined();
    const written = quiz.questions.find(isReviewed)!;
    const mid = rubricOf(written)!.levels[1];
    await recordReview(klass, teacher.id, entry.answerId, mid.id, "Name the date too.");
    expect((await unseenReviews(studentId)).find((r) => r.lessonSlug === "claims")?.count).toBe(1);

    const seen = await getQuizState(studentId, "claims", quiz.id);
    expect(seen!.last!.questions.find((q) => q.questionId === entry.questionId)!.review).toMatchObject({
      state: "reviewed",
      level: mid.label,
      descriptor: mid.descriptor,
      points: mid.points,
      comment: "Name the date too.",
    });
    // Nothing in the student's copy is an exemplar (but their own answer, which is the top one here).
    const levels = rubricOf(written)!.levels;
    for (const l of levels.slice(0, -1)) expect(JSON.stringify(seen)).not.toContain(rubricOf(written)!.exemplars[l.id]);
    expect((await unseenReviews(studentId)).find((r) => r.lessonSlug === "claims")).toBeUndefined();
  });

  it("counts apart in reports until scored: progress, item analysis and learning gain", async () => {
    const { quiz, written } = await submitUnit("covering-terror");
    const unit = (await progressFor([studentId])).get(studentId)!.get("covering-terror")!;
    expect(unit.awaiting).toBe(1);
    const klass = (await classForInstructor(teacher, classId))!;
    const order = quiz.questions.map((q) => q.id);
    const before = (await analyseQuiz([studentId], quiz.id, order)).items.find((i) => i.questionId === written.id)!;
    expect(before).toMatchObject({ awaiting: 1, answered: 0, facility: null });
    expect(before.tallies.every((t) => t.count === 0)).toBe(true);
    const [entry] = await pendingAnswers(klass, { unit: "covering-terror" });
    const levels = rubricOf(written)!.levels;
    await recordReview(klass, teacher.id, entry.answerId, levels[1].id);
    const after = (await analyseQuiz([studentId], quiz.id, order)).items.find((i) => i.questionId === written.id)!;
    expect(after).toMatchObject({ awaiting: 0, answered: 1 });
    expect(after.tallies.map((t) => t.count)).toEqual(levels.map((_, i) => (i === 1 ? 1 : 0)));
    expect((await progressFor([studentId])).get(studentId)!.get("covering-terror")!.awaiting).toBe(0);

    // The pre-assessment with its written answer waiting: not final, so no gain is drawn from it.
    await db.user.update({ where: { id: studentId }, data: { assessmentOrder: "AB" } });
    const pre = await submitUnit("pre-assessment");
    expect(pre.res.pendingCount).toBe(1);
    const student = klass.enrollments.map((e) => e.user);
    const [row] = (await gainReport(student)).rows;
    expect(row).toMatchObject({ pre: null, awaiting: ["pre"], gain: null });
    const [preEntry] = await pendingAnswers(klass, { unit: "pre-assessment" });
    await recordReview(klass, teacher.id, preEntry.answerId, rubricOf(pre.written)!.levels[0].id);
    const [scored] = (await gainReport(student)).rows;
    expect(scored.awaiting).toEqual([]);
    expect(scored.pre?.fraction).toBeCloseTo((pre.quiz.questions.length - 1) / pre.quiz.questions.length);
  });

  it("cannot be seen or scored from another instructor's class", async () => {
    await submitUnit("sources");
    const mine = (await classForInstructor(teacher, classId))!;
    const theirs = (await classForInstructor(stranger, foreignClassId))!;
    expect(await classForInstructor(stranger, classId)).toBeNull();
    const [entry] = await pendingAnswers(mine, { unit: "sources" });
    expect(await pendingAnswers(theirs)).toEqual([]);
    expect(await answerForReview(theirs, entry.answerId)).toBeNull();
    const level = (await answerForReview(mine, entry.answerId))!.levels[0].id;
    expect(await recordReview(theirs, stranger.id, entry.answerId, level)).toEqual({ ok: false, error: "This answer is not one of your class's." });
    expect(await db.answerReview.count({ where: { answerId: entry.answerId } })).toBe(0);
  });

  it("goes back to the LMS gradebook: the attempt queues its unit's score as awaiting review, the instructor's score queues the new one", async () => {
    const lms = await db.user.create({ data: { email: "lms@example.org", name: "Lee Lms", passwordHash: "x", enrollments: { create: { classId } } } });
    const platform = await db.ltiPlatform.create({ data: { name: "LMS", issuer: "https://lms.example.org", clientId: "c", authUrl: "https://lms.example.org/a", tokenUrl: "https://lms.example.org/t", jwksUrl: "https://lms.example.org/j" } });
    await db.ltiLineItem.create({ data: { platformId: platform.id, userId: lms.id, classId, userSub: "lee", resourceLinkId: "l1", lessonSlug: "numbers", lineItemUrl: "https://lms.example.org/li/1", scopes: "" } });
    const quiz = (await getLesson("numbers"))!.quizzes.find((q) => !q.practice)!;
    const answers = Object.fromEntries(quiz.questions.map((q) => [q.id, sampleResponse(q, true)]));
    const res = await submitAttempt(lms.id, { lessonSlug: "numbers", quizId: quiz.id, submissionKey: `k-lms-${Date.now()}`, answers });
    if (!res.ok) throw new Error(res.error);
    const rows = () => db.ltiScoreOutbox.findMany({ where: { userId: lms.id }, orderBy: { createdAt: "asc" }, select: { key: true, scoreGiven: true, gradingProgress: true } });
    const first = await rows();
    expect(first).toEqual([{ key: expect.stringMatching(/^attempt:/), scoreGiven: expect.closeTo(res.fraction * 100, 5), gradingProgress: "PendingManual" }]);
    const klass = (await classForInstructor(teacher, classId))!;
    const entry = (await pendingAnswers(klass)).find((a) => a.studentId === lms.id)!;
    const written = quiz.questions.find(isReviewed)!;
    await recordReview(klass, teacher.id, entry.answerId, rubricOf(written)!.levels.at(-1)!.id);
    const after = await rows();
    expect(after).toHaveLength(2);
    expect(after[1]).toEqual({ key: expect.stringMatching(/^review:/), scoreGiven: expect.any(Number), gradingProgress: "FullyGraded" });
    expect(after[1].scoreGiven).toBeGreaterThan(first[0].scoreGiven);
  });
});

