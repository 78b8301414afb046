// Shared helpers for the browser tests: sign in without clicking through the form, the demo
// accounts, and the course's quizzes read the same way the server reads them.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { checkCourse } from "../server/content/lessons";
import { answerQuestion } from "../questions/drivers";
import { isReviewed } from "../questions/server";
import type { QuizDefinition } from "../server/content/quiz-types";
import { DEMO_PASSWORD } from "../prisma/demo.mjs";
import { isPublished } from "../lib/units";
import { testDb } from "./db";
export const PASSWORD = DEMO_PASSWORD;
export const JOIN_CODE = "DEMO-2026";
export const accounts = {
  instructor: "instructor@example.org",
  student: "student1@example.org",
  student2: "student2@example.org",
  author: "author@example.org",
  admin: "admin@example.org",
  otherInstructor: "other-instructor@example.org",
  otherStudent: "other-student@example.org",
} as const;

/** Signs in through next-auth's credentials endpoint, as the sign-in form does. */
export async function signInAs(page: Page, email: string, password = PASSWORD) {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  expect([200, 302]).toContain(res.status());
  const me = await (await page.request.get("/api/me")).json();
  expect(me.user, `signed in as ${email}`).not.toBeNull();
}

let course: Awaited<ReturnType<typeof checkCourse>> | undefined;
/** The published course (drafts, such as the e2e draft fixture, left out). */
export async function getCourseForTests() {
  if (!course) {
    const all = await checkCourse();
    course = { ...all, lessons: all.lessons.filter(isPublished) };
  }
  return course;
}

export async function gradedQuiz(slug: string): Promise<QuizDefinition> {
  const { lessons } = await getCourseForTests();
  const quiz = lessons.find((l) => l.slug === slug)?.quizzes.find((q) => !q.practice);
  if (!quiz) throw new Error(`no graded quiz in ${slug}`);
  return quiz;
}

/**
 * The quiz a unit's page shows this student once it has loaded: on an assessment, their own
 * form (server/quiz/forms.ts), which may be the other assessment unit's quiz. As a student
 * does, the test scrolls to it first: a quiz loads when it comes near the screen
 * (components/quiz/QuizForm.tsx).
 */
export async function quizOnPage(page: Page, which: "graded" | "first" = "graded"): Promise<QuizDefinition> {
  const shell = page.locator(`section.quiz${which === "graded" ? ":not(.quiz--practice)" : ""}`).first();
  await shell.scrollIntoViewIfNeeded();
  const section = page.locator(`section.quiz${which === "graded" ? ":not(.quiz--practice)" : ""}[aria-busy="false"]`).first();
  await expect(section).toBeVisible();
  const id = await section.getAttribute("data-quiz-id");
  const quiz = (await getCourseForTests()).lessons.flatMap((l) => l.quizzes).find((q) => q.id === id);
  if (!quiz) throw new Error(`no quiz "${id}" on the page`);
  return quiz;
}

export function uniqueEmail(prefix: string) {
  return `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.org`;
}

/**
 * Answers every question of a quiz on the page with the keyboard and mouse-free controls,
 * correctly when `correct` is true, otherwise with a plainly wrong answer (each question
 * type's driver: questions/<type>/driver.ts).
 */
export async function answerQuiz(page: Page, quiz: QuizDefinition, correct = true, keyboard = false) {
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  await section.scrollIntoViewIfNeeded(); // as a student does: the quiz loads when it nears the screen
  for (const q of quiz.questions) await answerQuestion(page, section.locator(`[data-question-id="${q.id}"]`), q, correct, keyboard);
}

/** Signs up a new student through the form with a join code; leaves the page signed in on /course. */
export async function signUpStudent(page: Page, name: string, joinCode = JOIN_CODE): Promise<string> {
  const email = uniqueEmail("student");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Class join code").fill(joinCode);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/course$/);
  return email;
}

/** Opens a unit, answers its graded quiz (right or wrong) and waits for the result. */
export async function takeQuiz(page: Page, slug: string, correct: boolean) {
  await page.goto(`/lessons/${slug}`);
  const quiz = await quizOnPage(page);
  await answerQuiz(page, quiz, correct);
  await page.locator(`[data-quiz-id="${quiz.id}"]`).getByRole("button", { name: "Submit answers" }).click();
  await expect(page.locator(`[data-quiz-id="${quiz.id}"] .quiz__result h3`)).toHaveText(/Attempt \d+: \d+%|Thank you/);
  return quiz;
}

/**
 * What the result heading says after every question was answered right: "100% — passed", or,
 * with written answers waiting for the instructor (each counts 0 until scored), the share the
 * server could score "so far".
 */
export function allRightResult(quiz: QuizDefinition): RegExp {
  const waiting = quiz.questions.filter(isReviewed).length;
  if (waiting === 0) return /100% — passed/;
  const percent = Math.round(((quiz.questions.length - waiting) / quiz.questions.length) * 100);
  return new RegExp(`${percent}% so far — passed; ${waiting} written answers? waits? for your instructor`);
}

/**
 * As the class's instructor (the page is signed in as one): scores every written answer of one
 * student from the class's grading queue, by keyboard — the level's number key, then Enter on
 * "Save and next". `level(unitTitle)` picks the level's number (1 = the lowest).
 */
export async function scoreWrittenAnswers(page: Page, classUrl: string, studentName: string, level: (unitTitle: string) => number) {
  for (let guard = 0; guard < 20; guard++) {
    await page.goto(`${classUrl}/written`);
    const queue = page.getByRole("table", { name: "Answers awaiting review, oldest first" });
    const row = queue.locator("tbody tr", { has: page.getByRole("link", { name: studentName, exact: true }) }).first();
    if ((await row.count()) === 0) return;
    const unit = (await row.locator("td").nth(2).textContent()) ?? "";
    await row.getByRole("link", { name: studentName, exact: true }).click();
    await page.getByRole("radio").first().focus();
    await page.keyboard.press(String(level(unit)));
    await expect(page.getByRole("radio").nth(level(unit) - 1)).toBeChecked();
    const here = page.url();
    await page.getByRole("button", { name: /^Save/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).not.toHaveURL(here);
  }
  throw new Error(`${studentName}'s written answers did not leave the queue`);
}

/** The WCAG 2.2 AA rule tags every page is checked against. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** axe's violations on the page as it is now, one line each (empty when there are none). */
export async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
}

/** A new class of the demo instructor, straight in the test database (each test its own class). */
export async function newClass(prefix = "Test"): Promise<{ id: string; joinCode: string; name: string }> {
  const db = testDb();
  const instructor = await db.user.findUniqueOrThrow({ where: { email: accounts.instructor }, select: { id: true } });
  const joinCode = `${prefix.slice(0, 2).toUpperCase()}${Math.random().toString(36).slice(2, 8).toUpperCase().padEnd(6, "X")}`.replace(/^(.{4})/, "$1-");
  const name = `${prefix} class ${joinCode}`;
  const klass = await db.class.create({ data: { name, joinCode, instructorId: instructor.id }, select: { id: true } });
  return { id: klass.id, joinCode, name };
}
