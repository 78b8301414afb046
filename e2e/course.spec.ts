// A student walks the whole course in order: the pre-assessment, five units, the
// post-assessment. Each page renders, each graded quiz submits and shows feedback, the
// "Next" link leads on, the course page says where to start and go on, and its progress grows.
import { expect, test } from "@playwright/test";
import { JOIN_CODE, PASSWORD, allRightResult, answerQuiz, getCourseForTests, quizOnPage, uniqueEmail } from "./fixtures";

test("a student works through every unit and both assessments", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Walk Through");
  await page.getByLabel("Email").fill(uniqueEmail("walker"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Class join code").fill(JOIN_CODE);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.locator("#course-progress")).toHaveAttribute("value", "0");

  const { lessons: visible } = await getCourseForTests(); // published units only
  expect(visible.map((l) => l.frontmatter?.kind)).toEqual(["assessment", "unit", "unit", "unit", "unit", "unit", "assessment"]);
  // The course page says where to start, then where to go on.
  const start = page.getByRole("link", { name: "Start the course" });
  await expect(start).toHaveAttribute("href", `/lessons/${visible[0].slug}`);
  await start.click();

  for (const [i, lesson] of visible.entries()) {
    await expect(page).toHaveURL(new RegExp(`/lessons/${lesson.slug}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.frontmatter!.title);
    await expect(page.locator(".content-note")).toBeVisible();
    const quiz = await quizOnPage(page);
    await answerQuiz(page, quiz, true);
    const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
    await section.getByRole("button", { name: "Submit answers" }).click();
    if (lesson.frontmatter?.kind === "assessment") {
      // Not a test to pass: a thank-you, no score and nothing right or wrong.
      await expect(section.locator(".quiz__result h3")).toHaveText("Thank you: your answers are saved.");
      await expect(section.locator(".feedback")).toHaveCount(0);
      await expect(section).not.toContainText(/passed|%/);
    } else {
      await expect(section.locator(".quiz__result h3")).toHaveText(allRightResult(quiz));
      await expect(section.locator(".feedback")).toHaveCount(quiz.questions.length);
      await section.locator(".feedback__why summary").first().click();
      await expect(section.locator(".feedback__explanation").first()).toBeVisible();
    }
    if (i === 0) {
      await page.goto("/course");
      await page.getByRole("link", { name: `Continue: ${visible[1].frontmatter!.title}` }).click();
    } else if (i < visible.length - 1) {
      await section.locator(".quiz__actions").getByRole("link", { name: `Next: ${visible[i + 1].frontmatter!.title} →` }).click();
    }
  }

  await page.goto("/course");
  await expect(page.locator("#course-progress")).toHaveAttribute("value", "100");
  await expect(page.getByText("You have done every part of the course.")).toBeVisible();
  await expect(page.getByRole("link", { name: /^(Start the course|Continue:)/ })).toHaveCount(0);
  await expect(page.locator(".unit-card .status")).toHaveText(visible.map((l) => (l.frontmatter?.kind === "assessment" ? "Done" : "Passed")));
});
