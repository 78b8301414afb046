// Every question type answered with the keyboard alone: Tab to reach each control, arrows,
// Space and Enter to operate it. Unit 1's graded quiz has every type.
import { expect, test } from "@playwright/test";
import { QUESTION_TYPES } from "../questions";
import { tabTo } from "../questions/driver-kit";
import { accounts, allRightResult, answerQuiz, gradedQuiz, signInAs } from "./fixtures";

test("unit 1's quiz, every question type, with the keyboard only", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.author);
  await page.goto("/lessons/lone-wolf");
  const quiz = await gradedQuiz("lone-wolf");
  expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  // The questions come after the page, from /api/quiz-status.
  await expect(section).toHaveAttribute("aria-busy", "false");
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await section.locator(".quiz__title").scrollIntoViewIfNeeded();
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
