// The demo class's students and their work, so that a newcomer's first look at every
// instructor page shows what it is for: 24 made-up students at varied points of the course —
// some done, some stuck below the pass mark, some inactive, some late or missing a due date,
// pre- and post-assessment taken by some, written answers waiting for review and scored.
// Answers come from the real question types and grader (like scripts/seed-load.ts), the random
// numbers are seeded, and every date is relative to the day it runs. Runs once: when the first
// of these students exists, it changes nothing. The demo accounts of the README (student1,
// student2) stay without work, for the browser tests and for trying the course fresh.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../server/generated/prisma/client";
import type { QuestionDefinition, QuizDefinition } from "../server/content/quiz-types";
import type { CompiledLesson } from "../server/content/lessons";
import { checkCourse } from "../server/content/lessons";
import { discernment, signalDetection } from "../server/grading/discernment";
import { hasPassed } from "../server/grading/policy";
import { emptyResponse, gradeQuestion, responseLean, reviewScore, rubricOf, sampleResponse } from "../questions/server";
import { questionVersion } from "../server/quiz/version";
import { endOfDay } from "../lib/assignments";
import { isPublished } from "../lib/units";

const DAY = 24 * 60 * 60 * 1000;
export const DEMO_STUDENT_DOMAIN = "demo.example.org";

const NAMES = [
  "Amira Haddad", "Ben Okafor", "Chloé Martin", "Dev Patel", "Ema Kovač", "Finn Murphy", "Grace Liu", "Hamza Yilmaz",
  "Isla Fraser", "Jonas Berg", "Kemi Adeyemi", "Leo Rossi", "Maya Cohen", "Noah Schmidt", "Olivia Nowak", "Priya Nair",
  "Quinn Walsh", "Rosa Alvarez", "Sami Laine", "Tomás Silva", "Uma Rao", "Victor Dubois", "Wren Taylor", "Yusuf Demir",
];

// mulberry32: small, fast, seeded
function rng(seed: number) {
  let a = seed;
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How far each student has got: units completed in course order, and how well they read. */
type Profile = { reached: number; ability: number; lastDaysAgo: number; postTaken: boolean };

function profiles(count: number, units: number, random: () => number): Profile[] {
  return Array.from({ length: count }, (_, i) => {
    // A spread: a few finished, most part-way, a few barely started, two never active.
    const reached = i < 4 ? units : i < 20 ? 1 + Math.floor(random() * (units - 1)) : i < 22 ? 1 : 0;
    return { reached, ability: (random() - 0.4) * 3, lastDaysAgo: i >= 18 ? 10 + Math.floor(random() * 10) : Math.floor(random() * 5), postTaken: i < 4 };
  });
}

export async function seedDemoClass(db: PrismaClient, classId: string, passwordHash: string, instructorId: string): Promise<number> {
  if (await db.user.findFirst({ where: { email: { endsWith: `@${DEMO_STUDENT_DOMAIN}` } }, select: { id: true } })) return 0;
  const { lessons, problems } = await checkCourse();
  if (problems.length) throw new Error("The course has problems: run npm run lessons:check.");
  const published = lessons.filter(isPublished);
  const course = published.filter((l) => l.frontmatter?.kind !== "assessment");
  const pre = published.find((l) => l.frontmatter?.assessment === "pre")!;
  const post = published.find((l) => l.frontmatter?.assessment === "post")!;
  const graded = (l: CompiledLesson) => l.quizzes.find((q) => !q.practice)!;
  const random = rng(20261122);
  const now = Date.now();

  for (const l of published) for (const q of graded(l).questions) {
    const id = questionVersion(q);
    await db.questionVersion.upsert({ where: { id }, create: { id, questionId: q.id, quizId: graded(l).id, definition: JSON.stringify(q) }, update: {} });
  }

  // Due dates: the pre-assessment and the first two units are past due, the third due soon.
  const dueDaysAgo = [21, 14, 7, -3];
  const dueUnits = [pre, ...course.slice(0, 3)];
  for (const [i, l] of dueUnits.entries()) {
    const day = new Date(now - dueDaysAgo[i] * DAY).toISOString().slice(0, 10);
    await db.assignment.upsert({
      where: { classId_lessonSlug: { classId, lessonSlug: l.slug } },
      create: { classId, lessonSlug: l.slug, dueDate: day, timeZone: "Europe/London", dueAt: endOfDay(day, "Europe/London")! },
      update: {},
    });
  }

  const people = profiles(NAMES.length, course.length, random);
  const users: object[] = [];
  const enrollments: object[] = [];
  const attempts: object[] = [];
  const answers: object[] = [];
  const progress: object[] = [];
  const reviews: object[] = [];
  NAMES.forEach((name, i) => {
    const p = people[i];
    const userId = randomUUID();
    const email = `${name.toLowerCase().normalize("NFD").replace(/[^a-z ]/g, "").replace(/ /g, ".")}@${DEMO_STUDENT_DOMAIN}`;
    users.push({ id: userId, email, name, role: "student", passwordHash, assessmentOrder: i % 2 ? "BA" : "AB", createdAt: new Date(now - 30 * DAY) });
    enrollments.push({ userId, classId, createdAt: new Date(now - 30 * DAY) });
    if (p.reached === 0 && i >= 22) return; // never active
    // The pre-assessment first, then units in order, spread over the weeks before lastDaysAgo.
    const steps: { lesson: CompiledLesson; quiz: QuizDefinition; kind: string }[] = [];
    const formFor = (slot: "pre" | "post") => {
      const first = i % 2 ? "B" : "A";
      const form = slot === "pre" ? first : first === "A" ? "B" : "A";
      return published.find((l) => l.frontmatter?.kind === "assessment" && l.frontmatter.form === form)!;
    };
    steps.push({ lesson: pre, quiz: graded(formFor("pre")), kind: "pre" });
    for (const l of course.slice(0, p.reached)) steps.push({ lesson: l, quiz: graded(l), kind: "unit" });
    if (p.postTaken) steps.push({ lesson: post, quiz: graded(formFor("post")), kind: "post" });
    const span = 24 - p.lastDaysAgo;
    steps.forEach((step, n) => {
      const at = now - (p.lastDaysAgo + span * (1 - (n + 1) / steps.length)) * DAY - random() * DAY * 0.5;
      const learnt = step.kind === "pre" ? 0 : 0.5 + n * 0.15;
      const tries = step.kind === "unit" ? (step.quiz.policy.maxAttempts || 3) : 1;
      let passed = false;
      for (let attemptNumber = 1; attemptNumber <= tries && !passed; attemptNumber++) {
        if (attemptNumber > 1 && random() < 0.4) break;
        const submittedAt = new Date(at + (attemptNumber - 1) * DAY * 0.3);
        // The last thing a student did is still waiting for the instructor's score.
        const leavePending = n === steps.length - 1 && i % 3 === 0;
        const graded = gradeAll(step.quiz, p.ability + learnt + (attemptNumber - 1) * 0.6, random, leavePending);
        const score = graded.reduce((sum, g) => sum + g.score, 0);
        const fraction = score / step.quiz.questions.length;
        passed = step.kind === "unit" && hasPassed(fraction, step.quiz.policy);
        const assessment = step.kind !== "unit";
        const d = assessment ? discernment(graded.map((g) => ({ discern: g.q.discern, score: g.score }))) : null;
        const sdt = assessment ? signalDetection(graded.map((g) => ({ discern: g.q.discern, lean: responseLean(g.q, g.response) }))) : null;
        const attemptId = randomUUID();
        attempts.push({
          id: attemptId, userId, lessonSlug: step.lesson.slug, quizId: step.quiz.id, kind: step.kind, attemptNumber, submissionKey: randomUUID(),
          score, maxScore: step.quiz.questions.length, fraction, passed: assessment ? hasPassed(fraction, step.quiz.policy) : passed,
          trustFraction: d?.trust ?? null, doubtFraction: d?.doubt ?? null, sensitivity: sdt?.sensitivity ?? null, bias: sdt?.bias ?? null,
          pendingCount: graded.filter((g) => g.pending).length, startedAt: new Date(submittedAt.getTime() - 12 * 60 * 1000), submittedAt,
        });
        for (const g of graded) {
          const answerId = randomUUID();
          const reviewedAt = g.level ? new Date(submittedAt.getTime() + DAY) : null;
          answers.push({
            id: answerId, attemptId, questionId: g.q.id, questionVersion: questionVersion(g.q), response: JSON.stringify(g.response), score: g.score, maxScore: 1,
            correct: g.score === 1, timeMs: 20_000 + Math.floor(random() * 60_000), pending: g.pending, reviewLevel: g.level, reviewedAt, reviewSeenAt: reviewedAt,
          });
          if (g.level) reviews.push({ answerId, reviewerId: instructorId, level: g.level, score: g.score, createdAt: reviewedAt! });
        }
        if (attemptNumber === 1) progress.push({ userId, lessonSlug: step.lesson.slug, status: "completed", startedAt: new Date(submittedAt.getTime() - DAY * 0.2), completedAt: submittedAt });
      }
    });
    // Opened the next unit and stopped there.
    const next = course[p.reached];
    if (next && p.reached > 0 && random() < 0.6) progress.push({ userId, lessonSlug: next.slug, status: "started", startedAt: new Date(now - p.lastDaysAgo * DAY) });
  });

  await db.$transaction([
    db.user.createMany({ data: users as never }),
    db.enrollment.createMany({ data: enrollments as never }),
    db.quizAttempt.createMany({ data: attempts as never }),
    db.answer.createMany({ data: answers as never }),
    db.answerReview.createMany({ data: reviews as never }),
    db.lessonProgress.createMany({ data: progress as never }),
  ]);
  return users.length;
}

/** One attempt's answers: right with a probability from ability; written answers scored at a level, or left waiting. */
function gradeAll(quiz: QuizDefinition, skill: number, random: () => number, leavePending: boolean) {
  return quiz.questions.map((q: QuestionDefinition) => {
    const pRight = 1 / (1 + Math.exp(-skill));
    const response = random() < 0.03 ? emptyResponse(q) : sampleResponse(q, random() < pRight, random);
    const result = gradeQuestion(q, response);
    const levels = rubricOf(q)?.levels;
    if (!result.pending || !levels || leavePending) return { q, response, score: result.score, pending: result.pending === true, level: null as string | null };
    const level = levels[Math.min(levels.length - 1, Math.floor(pRight * levels.length + random() * 0.5))].id;
    return { q, response, score: reviewScore(q, level)!.score, pending: false, level };
  });
}
