// What a student's browser is told about a quiz, against a real (throwaway) database: no key
// before the policy allows it, however many attempts; each student's own order; the
// counterbalanced assessment forms, neutral before the review and reviewable after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/test/scratch-database";
import type { AttemptResult, QuestionResponse } from "@/lib/quiz";
import type { QuestionDefinition } from "@/questions";

const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.url;
process.env.NEXTAUTH_SECRET ??= "state-test-secret";

const { db } = await import("@/server/db");
const { getQuizState, submitAttempt } = await import("./attempts");
const { formOrder } = await import("./forms");
const { setReviewOpen } = await import("./review");
const { getLesson } = await import("@/server/content/course");
const { answerKey, choicesOf } = await import("@/questions/server");

let n = 0;
const key = () => `state-key-${Date.now()}-${n++}`;
const newUser = (order?: "AB" | "BA") =>
  db.user.create({ data: { email: `s${n++}-${Date.now()}@example.org`, name: "S", passwordHash: "x", ...(order ? { assessmentOrder: order } : {}) } });

async function graded(slug: string) {
  return (await getLesson(slug))!.quizzes.find((q) => !q.practice)!;
}

/** A wrong answer to every question: every option ticked where several can be, else a wrong one. */
function scattershot(q: QuestionDefinition): QuestionResponse {
  const key = answerKey(q);
  const ids = choicesOf(q).map((c) => c.id);
  if ("choices" in key) return { choices: ids };
  if ("choice" in key) return { choice: ids.find((id) => id !== key.choice)! };
  if ("order" in key) return { order: [...key.order].reverse() };
  if ("text" in key) return { text: "A guess." };
  return { placements: Object.fromEntries(Object.keys(key.placements).map((item) => [item, "nowhere"])) };
}

/** Nothing in a result that says which choices were right. */
function expectNoKey(result: AttemptResult) {
  expect(result.revealed).toBe(false);
  for (const q of result.questions) {
    expect(q).not.toHaveProperty("answer");
    expect(q).not.toHaveProperty("explanationHtml");
    expect(q.feedback.every((f) => f.correct === null)).toBe(true);
  }
}

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});

describe("a quiz whose policy does not reveal yet", () => {
  it("never says which options are right, attempt after attempt, beyond each question's score", async () => {
    const user = await newUser();
    const quiz = await graded("lone-wolf");
    const wrong = Object.fromEntries(
      quiz.questions.map((q) => {
        const r = scattershot(q);
        return [q.id, "placements" in r ? { placements: {} } : r];
      }),
    );
    for (let attempt = 1; attempt < quiz.policy.maxAttempts; attempt++) {
      const res = await submitAttempt(user.id, { lessonSlug: "lone-wolf", quizId: quiz.id, submissionKey: key(), answers: wrong });
      if (!res.ok) throw new Error(res.error);
      expect(res.passed).toBe(false);
      expect(res.questions).toHaveLength(quiz.questions.length);
      expect(res.questions.every((q) => typeof q.score === "number")).toBe(true);
      expectNoKey(res);
      const state = await getQuizState(user.id, "lone-wolf", quiz.id);
      expectNoKey(state!.last!);
      expect(JSON.stringify(state)).not.toMatch(/"correct":true,"text"|"lean"|"discern"/);
    }
    // The last attempt: the policy ("after-pass-or-last") now reveals.
    const last = await submitAttempt(user.id, { lessonSlug: "lone-wolf", quizId: quiz.id, submissionKey: key(), answers: wrong });
    expect(last.ok && last.revealed).toBe(true);
    expect(last.ok && last.questions.every((q) => q.answer !== undefined && q.explanationHtml)).toBe(true);
  });
});

describe("each student's own order", () => {
  const orderOf = (state: NonNullable<Awaited<ReturnType<typeof getQuizState>>>) =>
    state.quiz.questions.map((q) => JSON.stringify("options" in q ? q.options : "items" in q ? q.items : "passage" in q ? q.passage : "results" in q ? q.results : q.levels));

  it("is the same on every load, differs between students and between attempts, and never shows an ordering's key", async () => {
    const [a, b] = [await newUser(), await newUser()];
    const quiz = await graded("lone-wolf");
    const first = (await getQuizState(a.id, "lone-wolf", quiz.id))!;
    expect(orderOf((await getQuizState(a.id, "lone-wolf", quiz.id))!)).toEqual(orderOf(first));
    expect(orderOf((await getQuizState(b.id, "lone-wolf", quiz.id))!)).not.toEqual(orderOf(first));
    await submitAttempt(a.id, { lessonSlug: "lone-wolf", quizId: quiz.id, submissionKey: key(), answers: {} });
    expect(orderOf((await getQuizState(a.id, "lone-wolf", quiz.id))!)).not.toEqual(orderOf(first));
    for (const q of first.quiz.questions) {
      const def = quiz.questions.find((d) => d.id === q.id)!;
      if ("items" in q && "order" in answerKey(def)) expect(q.items.map((i) => i.id)).not.toEqual((answerKey(def) as { order: string[] }).order);
    }
  });
});

describe("counterbalanced assessment forms", () => {
  let formA = "";
  let formB = "";
  beforeAll(async () => {
    formA = (await graded("pre-assessment")).id;
    formB = (await graded("post-assessment")).id;
  });

  it("give each student the other form after the course", async () => {
    const ab = await newUser("AB");
    const ba = await newUser("BA");
    expect((await getQuizState(ab.id, "pre-assessment", formA))!.quiz).toMatchObject({ id: formA, assessment: "pre", lessonSlug: "pre-assessment" });
    expect((await getQuizState(ba.id, "pre-assessment", formA))!.quiz).toMatchObject({ id: formB, assessment: "pre", lessonSlug: "pre-assessment" });
    expect((await getQuizState(ba.id, "post-assessment", formB))!.quiz).toMatchObject({ id: formA, assessment: "post" });
    // A submission must be the student's own form.
    const wrongForm = await submitAttempt(ba.id, { lessonSlug: "pre-assessment", quizId: formA, submissionKey: key(), answers: {} });
    expect(wrongForm.ok).toBe(false);
  });

  it("balance a class: half take form A first", async () => {
    const teacher = await newUser();
    const klass = await db.class.create({ data: { name: "Balance", instructorId: teacher.id } });
    const students = await Promise.all(Array.from({ length: 6 }, () => newUser()));
    for (const s of students) await db.enrollment.create({ data: { userId: s.id, classId: klass.id } });
    const orders: string[] = [];
    for (const s of students) orders.push(await formOrder(s.id));
    expect(orders.filter((o) => o === "AB")).toHaveLength(3);
    expect(await formOrder(students[0].id)).toBe(orders[0]);
  });

  it("show no result before the review, score discernment apart from bias, and open both forms once the instructor opens the review", async () => {
    const teacher = await newUser();
    const klass = await db.class.create({ data: { name: "Review", instructorId: teacher.id } });
    const student = await newUser("AB");
    await db.enrollment.create({ data: { userId: student.id, classId: klass.id } });
    const keyOf = async (slug: string) => Object.fromEntries((await graded(slug)).questions.map((q) => [q.id, answerKey(q)]));

    const pre = await submitAttempt(student.id, { lessonSlug: "pre-assessment", quizId: formA, submissionKey: key(), answers: await keyOf("pre-assessment") });
    if (!pre.ok) throw new Error(pre.error);
    expect(pre.questions).toEqual([]);
    expect(pre.revealed).toBe(false);
    const stored = await db.quizAttempt.findFirstOrThrow({ where: { userId: student.id, kind: "pre" } });
    expect(stored.sensitivity).toBeGreaterThan(1);
    expect(Math.abs(stored.bias!)).toBeLessThan(0.5);

    const post = await submitAttempt(student.id, { lessonSlug: "post-assessment", quizId: formB, submissionKey: key(), answers: {} });
    if (!post.ok) throw new Error(post.error);
    expect(post.questions).toEqual([]);
    expect((await getQuizState(student.id, "pre-assessment", formA))!.last!.questions).toEqual([]);

    await setReviewOpen(klass.id, true);
    const reviewed = (await getQuizState(student.id, "pre-assessment", formA))!.last!;
    expect(reviewed.revealed).toBe(true);
    expect(reviewed.questions.every((q) => q.answer !== undefined)).toBe(true);
    expect((await getQuizState(student.id, "post-assessment", formB))!.last!.revealed).toBe(true);
  });

  it("stay closed to a student who has not taken the post-assessment, even with the review open", async () => {
    const teacher = await newUser();
    const klass = await db.class.create({ data: { name: "Early", instructorId: teacher.id, reviewOpenedAt: new Date() } });
    const student = await newUser("BA");
    await db.enrollment.create({ data: { userId: student.id, classId: klass.id } });
    const pre = await submitAttempt(student.id, { lessonSlug: "pre-assessment", quizId: formB, submissionKey: key(), answers: {} });
    expect(pre.ok && pre.questions).toEqual([]);
  });
});
