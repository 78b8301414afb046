// Every question type answered with the keyboard alone: Tab to reach each control, arrows,
// Space and Enter to operate it. Between them, unit 1's and unit 3's graded quizzes have every
// type (unit 3 the search results).
import { expect, test } from "@playwright/test";
import { QUESTION_TYPES } from "../questions";
import { tabTo } from "../questions/driver-kit";
import { accounts, allRightResult, answerQuiz, gradedQuiz, signInAs } from "./fixtures";

test("between them, units 1 and 3 ask every question type", async () => {
  const types = [...(await gradedQuiz("lone-wolf")).questions, ...(await gradedQuiz("sources")).questions].map((q) => q.type);
  expect(new Set(types)).toEqual(new Set(QUESTION_TYPES));
});

for (const slug of ["lone-wolf", "sources"]) test(`the ${slug} quiz, every question, with the keyboard only`, async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.author);
  await page.goto(`/lessons/${slug}`);
  const quiz = await gradedQuiz(slug);
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  // The questions come after the page, from /api/quiz-status, once the quiz nears the screen.
  await section.locator(".quiz__title").scrollIntoViewIfNeeded();
  await expect(section).toHaveAttribute("aria-busy", "false");
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  // Start tabbing from the quiz heading's neighbourhood.
  await section.locator(".quiz__title").evaluate((el) => {
    (el as HTMLElement).tabIndex = -1;
    (el as HTMLElement).focus();
  });

  await answerQuiz(page, quiz, true, true);

  await tabTo(page, section.getByRole("button", { name: "Submit answers" }));
  await page.keyboard.press("Enter");
  const heading = section.locator(".quiz__result h3");
  await expect(heading).toHaveText(allRightResult(quiz));
  await expect(heading).toBeFocused();
  await expect(section.locator(".quiz__live")).toHaveAttribute("aria-live", "polite");
});
