// A synthetic load for the instructor pages' benchmark (docs/benchmarks.md): 40 classes and
// 1,200 students — among them a 30-student and a 300-student class — every student attempting
// every graded quiz, failed unit quizzes retaken by most, about 100,000 stored answers.
//
//   DATABASE_URL=file:/tmp/load.db npx tsx scripts/seed-load.ts
//
// Responses are made up but shaped like real ones: each student has an ability and each
// question a difficulty, wrong answers favour one "attractive" wrong option, and every score
// comes from the real grader. The random numbers are seeded, so every run builds the same data.
// Written answers are scored at a rubric level (the top one when "right", else a lower one),
// except on the first attempt at the last unit's quiz, where they wait for review: one pending
// answer per student, 300 in the 300-student class (the grading queue's benchmark).
// Load accounts end in @load.example.org (the demo password); running the script
// again replaces them and leaves every other account alone.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { checkCourse } from "../server/content/lessons";
import type { QuestionDefinition, QuizDefinition } from "../server/content/quiz-types";
import { createPrismaClient } from "../server/prisma-client";
import { discernment, signalDetection } from "../server/grading/discernment";
import { emptyResponse, gradeQuestion, responseLean, reviewScore, rubricOf, sampleResponse } from "../questions/server";
import { hasPassed } from "../server/grading/policy";
import { questionVersion } from "../server/quiz/version";
import type { QuestionResponse } from "../lib/quiz";
import { isPublished } from "../lib/units";
import { DEMO_PASSWORD } from "../prisma/demo.mjs";
import { LOAD_CLASSES, LOAD_DOMAIN } from "./lib/load-classes";

const RETAKE_CHANCE = 0.5;
const DAY = 24 * 60 * 60 * 1000;

// mulberry32: small, fast, seeded
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261122);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/** A made-up response: right with a probability set by ability and difficulty, else a typical slip. */
function respond(q: QuestionDefinition, pRight: number): QuestionResponse {
  if (random() < 0.03) return emptyResponse(q);
  return sampleResponse(q, random() < pRight, random);
}

async function main() {
  const db = createPrismaClient();
  const started = Date.now();
  const { lessons, problems } = await checkCourse();
  if (problems.length) throw new Error("The course has problems; run npm run lessons:check.");
  const quizzes = lessons
    .filter(isPublished)
    .flatMap((l) => l.quizzes.filter((q) => !q.practice).map((quiz) => ({ lesson: l, quiz, kind: l.frontmatter?.kind === "assessment" ? (l.frontmatter.assessment ?? "unit") : "unit" })));
  // The last unit (not an assessment): its written answers wait for review on the first attempt.
  const pendingUnit = quizzes.filter((x) => x.kind === "unit").at(-1)!.lesson.slug;
  const difficulty = new Map(quizzes.flatMap(({ quiz }) => quiz.questions.map((q) => [q.id, normal() * 0.9] as const)));

  await db.user.deleteMany({ where: { email: { endsWith: `@${LOAD_DOMAIN}` } } });
  for (const { quiz } of quizzes) {
    for (const q of quiz.questions) {
      const id = questionVersion(q);
      await db.questionVersion.upsert({ where: { id }, create: { id, questionId: q.id, quizId: quiz.id, definition: JSON.stringify(q) }, update: {} });
    }
  }

  const passwordHash = await hash(DEMO_PASSWORD);
  const instructors = [...new Set(LOAD_CLASSES.map((c) => c.instructor))];
  const instructorIds = new Map(instructors.map((email) => [email, randomUUID()]));
  await db.user.createMany({
    data: instructors.map((email) => ({ id: instructorIds.get(email)!, email, name: `Load ${email.split("@")[0]}`, role: "instructor", passwordHash })),
  });

  let studentNo = 0;
  let answerCount = 0;
  let attemptCount = 0;
  for (const [c, klass] of LOAD_CLASSES.entries()) {
    const classId = randomUUID();
    const students = Array.from({ length: klass.size }, () => {
      studentNo++;
      // Form A before the course and B after, as the units' own quizzes are (server/quiz/forms.ts).
      return { id: randomUUID(), email: `student-${String(studentNo).padStart(4, "0")}@${LOAD_DOMAIN}`, name: `Load Student ${studentNo}`, role: "student", passwordHash, assessmentOrder: "AB" };
    });
    const attempts: object[] = [];
    const answers: object[] = [];
    const progress: object[] = [];
    const base = Date.now() - 90 * DAY;
    for (const s of students) {
      const ability = normal();
      quizzes.forEach(({ lesson, quiz, kind }, unitIndex) => {
        // the course teaches: later units and the post-assessment find the student better
        const learnt = kind === "pre" ? 0 : 0.4 + unitIndex * 0.08;
        const tries = quiz.policy.maxAttempts || 3;
        let passed = false;
        for (let n = 1; n <= tries && !passed; n++) {
          if (n > 1 && random() > RETAKE_CHANCE) break;
          const startedAt = new Date(base + unitIndex * 10 * DAY + n * DAY + random() * DAY);
          const graded = gradeAll(quiz, ability + learnt + (n - 1) * 0.5, difficulty, n === 1 && lesson.slug === pendingUnit);
          const score = graded.reduce((sum, g) => sum + g.score, 0);
          const reviewedAt = new Date(startedAt.getTime() + 3 * DAY);
          const fraction = score / quiz.questions.length;
          passed = hasPassed(fraction, quiz.policy);
          const d = kind === "pre" || kind === "post" ? discernment(graded.map((g) => ({ discern: g.q.discern, score: g.score }))) : null;
          const sdt = kind === "pre" || kind === "post" ? signalDetection(graded.map((g) => ({ discern: g.q.discern, lean: responseLean(g.q, g.response) }))) : null;
          const attemptId = randomUUID();
          let elapsed = 0;
          attempts.push({
            id: attemptId,
            userId: s.id,
            lessonSlug: lesson.slug,
            quizId: quiz.id,
            kind,
            attemptNumber: n,
            submissionKey: randomUUID(),
            score,
            maxScore: quiz.questions.length,
            fraction,
            passed,
            trustFraction: d?.trust ?? null,
            doubtFraction: d?.doubt ?? null,
            sensitivity: sdt?.sensitivity ?? null,
            bias: sdt?.bias ?? null,
            pendingCount: graded.filter((g) => g.pending).length,
            startedAt,
            submittedAt: new Date(startedAt.getTime() + 8 * 60 * 1000),
          });
          for (const g of graded) {
            elapsed += 5000 + Math.floor(random() * 60000);
            answers.push({
              id: randomUUID(),
              attemptId,
              questionId: g.q.id,
              questionVersion: questionVersion(g.q),
              response: JSON.stringify(g.response),
              score: g.score,
              maxScore: 1,
              correct: g.score === 1,
              timeMs: elapsed,
              pending: g.pending,
              reviewLevel: g.level,
              reviewedAt: g.level ? reviewedAt : null,
            });
          }
        }
        progress.push({ userId: s.id, lessonSlug: lesson.slug, status: "completed", startedAt: new Date(base + unitIndex * 10 * DAY), completedAt: new Date(base + unitIndex * 10 * DAY + 2 * DAY) });
      });
    }
    await db.$transaction([
      db.user.createMany({ data: students }),
      db.class.create({ data: { id: classId, name: klass.name, joinCode: `LD${String(c).padStart(2, "0")}-2026`, instructorId: instructorIds.get(klass.instructor)! } }),
      db.enrollment.createMany({ data: students.map((s) => ({ userId: s.id, classId })) }),
      db.quizAttempt.createMany({ data: attempts as never }),
      db.answer.createMany({ data: answers as never }),
      db.lessonProgress.createMany({ data: progress as never }),
    ]);
    attemptCount += attempts.length;
    answerCount += answers.length;
    process.stdout.write(`\r${c + 1}/${LOAD_CLASSES.length} classes, ${studentNo} students, ${attemptCount} attempts, ${answerCount} answers`);
  }
  await db.$disconnect();
  console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s. Instructors: ${instructors.join(", ")} (password ${DEMO_PASSWORD}).`);
}

function gradeAll(quiz: QuizDefinition, skill: number, difficulty: Map<string, number>, leavePending: boolean) {
  return quiz.questions.map((q) => {
    const pRight = 1 / (1 + Math.exp(-(skill - (difficulty.get(q.id) ?? 0))));
    const response = respond(q, pRight);
    const graded = gradeQuestion(q, response);
    const levels = rubricOf(q)?.levels;
    if (!graded.pending || !levels || leavePending) return { q, response, score: graded.score, pending: graded.pending === true, level: null as string | null };
    // Scored by the instructor: the top level when the student got it, else one below.
    const level = random() < pRight ? levels.at(-1)!.id : levels[Math.floor(random() * (levels.length - 1))].id;
    return { q, response, score: reviewScore(q, level)!.score, pending: false, level };
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
