// The pre- and post-assessment as a student and an instructor meet them: the pre-assessment is
// not a test to pass (no score, no right or wrong), each student gets the other form after the
// course, both become reviewable once the instructor opens the review, and the learning-gain
// page shows discernment and bias, before and after, for each order of the forms.
import { expect, test, type Page } from "@playwright/test";
import { accounts, answerQuiz, newClass, quizOnPage, scoreWrittenAnswers, signInAs, signUpStudent } from "./fixtures";

/** A class of its own for this test, so opening its review touches nobody else's. */

async function takeAssessment(page: Page, slug: string) {
  await page.goto(`/lessons/${slug}`);
  const quiz = await quizOnPage(page);
  await answerQuiz(page, quiz, true);
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  await section.getByRole("button", { name: "Submit answers" }).click();
  // Stored once its result is on screen: the instructor's pages below must not race the submission.
  await expect(section.locator(".quiz__result h3")).toBeVisible();
  return { quiz, section };
}

test("the pre-assessment shows no result; after the post and the instructor's review, both forms are reviewable", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const klass = await newClass("Review");
  await signUpStudent(page, "Review Student", klass.joinCode);

  const pre = await takeAssessment(page, "pre-assessment");
  await expect(pre.section.locator(".quiz__result h3")).toHaveText("Thank you: your answers are saved.");
  await expect(pre.section).toContainText("Your instructor sees your answers");
  for (const word of [/passed/i, /not yet/i, /correct/i, /\d+%/]) await expect(pre.section).not.toContainText(word);
  await expect(pre.section.locator(".feedback")).toHaveCount(0);
  // Coming back does not show a result either.
  await page.reload();
  await expect(pre.section.locator(".quiz__result h3")).toHaveText("Thank you: your answers are saved.");
  await expect(pre.section.locator(".feedback")).toHaveCount(0);

  const post = await takeAssessment(page, "post-assessment");
  expect(post.quiz.id, "the other form after the course").not.toBe(pre.quiz.id);
  await expect(post.section.locator(".feedback")).toHaveCount(0);

  // The instructor opens the review on the learning-gain page.
  const teacher = await browser.newPage();
  await signInAs(teacher, accounts.instructor);
  await teacher.goto(`/instructor/classes/${klass.id}/gain`);
  await expect(teacher.locator('[data-report="gain-by-order"] tbody tr')).toHaveCount(2);
  const row = teacher.locator("tr", { hasText: "Review Student" });
  await expect(row).toContainText(/[AB] → [AB]/);
  // Each form's written answer waits for the instructor: until scored, the assessments count nowhere.
  await expect(row.locator("td").nth(1)).toHaveText("Awaiting review");
  await expect(teacher.getByText("2 assessments wait for you to score a written answer")).toBeVisible();
  await scoreWrittenAnswers(teacher, `/instructor/classes/${klass.id}`, "Review Student", () => 3);
  await teacher.goto(`/instructor/classes/${klass.id}/gain`);
  // d′ before and after, both measured (all answers right: well above zero).
  await expect(row.locator("td").nth(5)).toHaveText(/^\d\.\d\d → \d\.\d\d$/);
  await teacher.getByRole("button", { name: "Open the review to students" }).click();
  await expect(teacher.getByText("The review is open")).toBeVisible();
  await teacher.close();

  for (const slug of ["pre-assessment", "post-assessment"]) {
    await page.goto(`/lessons/${slug}`);
    const quiz = await quizOnPage(page);
    const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
    await expect(section.locator(".quiz__result h3")).toHaveText("Your answers to this set, with the feedback and the correct answers.");
    await expect(section.locator(".feedback")).toHaveCount(quiz.questions.length);
    await expect(section.locator(".feedback__answer").first()).toBeVisible();
  }
});

test("a unit quiz that does not reveal yet marks no choice right or wrong, and its feedback stays after a reload", async ({ page }) => {
  await signUpStudent(page, "No Key Student");
  await page.goto("/lessons/claims");
  const quiz = await quizOnPage(page);
  await answerQuiz(page, quiz, false);
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.locator(".quiz__result h3")).toHaveText(/Attempt 1: \d+% so far — 1 written answer waits for your instructor \(pass mark \d+%\)/);
  await expect(section.locator(".feedback")).toHaveCount(quiz.questions.length);
  await expect(section.locator(".feedback__answer")).toHaveCount(0);
  await expect(section.getByText(/✓ Right|✗ Not right/)).toHaveCount(0);
  // Right under the result: try again, and the way on.
  await expect(section.locator(".quiz__actions").getByRole("button", { name: "Try again" })).toBeVisible();
  await page.reload();
  await expect(section.locator(".quiz__result h3")).toHaveText(/Attempt 1: \d+% so far — 1 written answer waits for your instructor \(pass mark \d+%\)/);
  await expect(section.locator(".feedback")).toHaveCount(quiz.questions.length);
  await section.getByRole("button", { name: "Try again" }).click();
  await expect(section.getByRole("button", { name: "Submit answers" })).toBeEnabled();
});
