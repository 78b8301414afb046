// Written answers, from the student who writes one to the instructor who scores it and back:
// the student answers by keyboard, the answer waits for review (and says so after a reload),
// the instructor scores it from the class's queue by keyboard, the student sees the level and
// the comment, and a re-grade keeps the history. A written answer survives a reload before
// submitting and a session ended in another tab mid-submit. A long queue is shown a page at a time.
import { expect, test, type Page } from "@playwright/test";
import { tabTo } from "../questions/driver-kit";
import { isReviewed, rubricOf } from "../questions/server";
import { testDb } from "./db";
import { PASSWORD, accounts, answerQuiz, axeViolations, gradedQuiz, newClass, signInAs, signUpStudent, takeQuiz } from "./fixtures";

async function demoClassUrl(page: Page) {
  await page.goto("/instructor");
  return (await page.getByRole("link", { name: "Demo class" }).getAttribute("href"))!;
}

test("a student writes by keyboard, the instructor scores it from the queue by keyboard, the student sees the feedback", async ({ browser }) => {
  test.setTimeout(120_000);
  const quiz = await gradedQuiz("claims");
  const written = quiz.questions.find(isReviewed)!;
  const { levels, exemplars } = rubricOf(written)!;
  const name = `Writer ${Date.now()}`;

  // The student: every question by keyboard, the written one typed, then Enter on Submit.
  const student = await (await browser.newContext()).newPage();
  await signUpStudent(student, name);
  await student.goto("/lessons/claims");
  const section = student.locator(`[data-quiz-id="${quiz.id}"]`);
  await section.scrollIntoViewIfNeeded();
  await expect(section).toHaveAttribute("aria-busy", "false");
  await answerQuiz(student, quiz, true, true);
  const box = section.locator(`[data-question-id="${written.id}"] textarea`);
  const text = exemplars[levels.at(-1)!.id];
  await expect(box).toHaveValue(text);
  // The rubric is there for the student; the exemplars are not.
  await expect(section.getByText("How your answer is scored")).toBeVisible();
  await expect(section).not.toContainText(exemplars[levels[0].id]);

  // A reload before submitting keeps what was typed.
  await student.reload();
  await expect(box).toHaveValue(text);
  await tabTo(student, section.getByRole("button", { name: "Submit answers" }));
  await student.keyboard.press("Enter");
  const heading = section.locator(".quiz__result h3");
  await expect(heading).toHaveText(/so far — passed; 1 written answer waits for your instructor/);
  const feedback = section.locator(`[data-question-id="${written.id}"] .feedback`);
  await expect(feedback).toContainText("Awaiting review");
  await student.reload();
  await expect(feedback).toContainText("Awaiting review");
  await expect(box).toHaveValue(text);
  await expect(box).toBeDisabled();

  // The instructor: the class list says answers wait; the queue lists this one.
  const teacher = await (await browser.newContext()).newPage();
  await signInAs(teacher, accounts.instructor);
  const classUrl = await demoClassUrl(teacher);
  await expect(teacher.locator("tr", { hasText: "Demo class" }).getByRole("link", { name: /wait/ })).toBeVisible();
  await teacher.goto(`${classUrl}/written`);
  await expect(teacher.getByRole("heading", { name: /answers? waits? for review/ })).toBeVisible();
  // Names hidden while grading: the queue shows none.
  await teacher.getByLabel("Hide names while grading").check();
  await teacher.getByRole("button", { name: "Show" }).click();
  await expect(teacher).toHaveURL(/names=hidden/);
  await expect(teacher.getByRole("link", { name, exact: true })).toHaveCount(0);
  await teacher.goto(`${classUrl}/written`);
  await teacher.getByRole("link", { name, exact: true }).click();
  await expect(teacher.getByRole("heading", { name: `${name}’s answer` })).toBeVisible();
  await expect(teacher.locator(".review__text")).toHaveText(text);
  // Instructors see the exemplars.
  await expect(teacher.locator(".review__exemplar").first()).toContainText("Example answer at this level");
  expect(await axeViolations(teacher), "axe on the answer page").toEqual([]);

  // By keyboard: onto the levels, "2" picks the second, a comment, Enter on Save.
  await tabTo(teacher, teacher.getByRole("radio").first());
  await teacher.keyboard.press("2");
  await expect(teacher.getByRole("radio").nth(1)).toBeChecked();
  await expect(teacher.getByRole("radio").nth(1)).toBeFocused();
  await tabTo(teacher, teacher.getByLabel("Comment for the student (optional)"));
  await teacher.keyboard.type("Good start: now say who gave the figure, and when.");
  const answerUrl = teacher.url();
  await tabTo(teacher, teacher.getByRole("button", { name: "Save and next" }));
  await teacher.keyboard.press("Enter");
  await expect(teacher).not.toHaveURL(answerUrl);
  await teacher.goto(`${classUrl}/written`);
  await expect(teacher.getByRole("link", { name, exact: true })).toHaveCount(1); // now under "Scored recently"
  await expect(teacher.locator("tr", { hasText: name })).toContainText(levels[1].label);

  // The student: told on the course page, the level and the comment on the unit page.
  await student.goto("/course");
  const notice = student.locator(".course-notice");
  await expect(notice).toContainText("1 written answer reviewed");
  await notice.getByRole("link").click();
  await expect(feedback).toContainText(`Scored by your instructor: ${levels[1].label} (${levels[1].points} of ${levels.at(-1)!.points} points)`);
  await expect(feedback).toContainText(levels[1].descriptor);
  await expect(feedback).toContainText("Good start: now say who gave the figure, and when.");
  expect(await axeViolations(student), "axe on the unit with the instructor's feedback").toEqual([]);
  await expect(heading).toHaveText(/^Attempt 1: \d+% — (passed|not yet passed)/);
  await student.goto("/course");
  await expect(student.locator(".course-notice")).toHaveCount(0);

  // A re-grade: the new level counts, and the history keeps both.
  await teacher.locator("tr", { hasText: name }).getByRole("link", { name, exact: true }).click();
  // Tab enters a radio group at its checked button: the level given before.
  await tabTo(teacher, teacher.getByRole("radio", { checked: true }));
  await teacher.keyboard.press(String(levels.length));
  await teacher.getByRole("button", { name: "Save the new score" }).click();
  await expect(teacher).not.toHaveURL(answerUrl);
  await teacher.goto(answerUrl);
  await expect(teacher.locator(".review__history li")).toHaveCount(2);
  await student.goto("/lessons/claims");
  await section.scrollIntoViewIfNeeded();
  await expect(feedback).toContainText(`Scored by your instructor: ${levels.at(-1)!.label}`);
  await expect(heading).toHaveText(/^Attempt 1: 100% — passed/);
});

test("a written answer survives a session ended in another tab mid-submit, and is stored once", async ({ browser }) => {
  test.setTimeout(90_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = await signUpStudent(page, `Interrupted ${Date.now()}`);
  const quiz = await gradedQuiz("sources");
  const written = quiz.questions.find(isReviewed)!;
  await page.goto("/lessons/sources");
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  await answerQuiz(page, quiz, true);
  const box = section.locator(`[data-question-id="${written.id}"] textarea`);
  const typed = await box.inputValue();
  expect(typed.length).toBeGreaterThan(20);

  // Signed out in another tab: the submission is refused with a way on, and nothing is lost.
  const other = await context.newPage();
  await other.goto("/course");
  await other.getByRole("button", { name: "Sign out" }).click();
  await expect(other).toHaveURL(/\/$/);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("alert")).toContainText("Sign in again in another tab");
  await expect(box).toHaveValue(typed);

  await other.goto("/signin");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(PASSWORD);
  await other.getByRole("button", { name: "Sign in" }).click();
  await expect(other).toHaveURL(/\/course$/);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz__result h3")).toHaveText(/^Attempt 1: /);
  const status = (await (await page.request.get(`/api/quiz-status?lesson=sources&quiz=${quiz.id}`)).json()) as {
    attemptsUsed: number;
    last: { questions: { questionId: string; response: { text: string }; review?: { state: string } }[] };
  };
  expect(status.attemptsUsed).toBe(1);
  const stored = status.last.questions.find((q) => q.questionId === written.id)!;
  expect(stored.response.text).toBe(typed);
  expect(stored.review).toEqual({ state: "pending" });
});

test("a long queue is shown fifty answers a page, and an answer opened from page 2 leads back to it", async ({ browser }) => {
  test.setTimeout(90_000);
  const klass = await newClass("Queue");
  const student = await (await browser.newContext()).newPage();
  const email = await signUpStudent(student, `Queue Writer ${Date.now()}`, klass.joinCode);
  await takeQuiz(student, "claims", true);
  // Fifty more attempts like it, straight in the database, each a second later: 51 answers wait.
  const db = testDb();
  const { id: firstId, answers, ...attempt } = await db.quizAttempt.findFirstOrThrow({ where: { user: { email } }, include: { answers: true } });
  const waiting = answers.filter((a) => a.pending).map((a) => ({ questionId: a.questionId, questionVersion: a.questionVersion, response: a.response, score: 0, maxScore: a.maxScore, correct: false, pending: true }));
  expect(waiting, `attempt ${firstId}`).toHaveLength(1);
  for (let n = 2; n <= 51; n++) {
    await db.quizAttempt.create({
      data: { ...attempt, attemptNumber: 100 + n, submissionKey: `queue-paging-${n}`, submittedAt: new Date(attempt.submittedAt.getTime() + n * 1000), answers: { create: waiting } },
    });
  }

  const page = await (await browser.newContext()).newPage();
  await signInAs(page, accounts.instructor);
  const queue = `/instructor/classes/${klass.id}/written`;
  await page.goto(queue);
  await expect(page.getByRole("heading", { name: "51 answers wait for review" })).toBeVisible();
  const rows = page.getByRole("table", { name: /Answers awaiting review/ }).locator("tbody tr");
  await expect(rows).toHaveCount(50);
  const pages = page.getByRole("navigation", { name: "Pages of the queue" });
  await expect(pages).toContainText("Showing 1–50 of 51 (page 1 of 2)");
  await expect(pages.getByRole("link")).toHaveText(["Next answers"]);
  expect(await axeViolations(page)).toEqual([]);

  // Names hidden: the numbering goes on across pages.
  await page.getByLabel("Hide names while grading").check();
  await page.getByRole("button", { name: "Show" }).click();
  await pages.getByRole("link", { name: "Next answers" }).click();
  await expect(page).toHaveURL(/names=hidden&page=1$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByRole("link")).toHaveText("Student 51");
  await expect(pages.getByRole("link")).toHaveText(["Previous 50 answers"]);
  await rows.getByRole("link").click();
  await expect(page.getByText("Answer 51 of 51 waiting")).toBeVisible();
  await page.getByRole("link", { name: "← The queue" }).click();
  await expect(page).toHaveURL(/names=hidden&page=1$/);
  await expect(rows).toHaveCount(1);

  // A page number the queue does not have: the first page, or the last, never an error.
  expect((await page.goto(`${queue}?page=abc`))?.status()).toBe(200);
  await expect(rows).toHaveCount(50);
  expect((await page.goto(`${queue}?page=9999`))?.status()).toBe(200);
  await expect(rows).toHaveCount(1);
});
