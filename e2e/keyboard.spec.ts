// Every question type answered with the keyboard alone: Tab to reach each control, arrows,
// Space and Enter to operate it. Unit 1's graded quiz has all six types.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { accounts, gradedQuiz, signInAs } from "./fixtures";

/** Presses Tab until `target` has focus; fails if the keyboard never reaches it. */
async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 400; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`keyboard never reached ${target}`);
}

test("unit 1's quiz, all six question types, with the keyboard only", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.author);
  await page.goto("/lessons/lone-wolf");
  const quiz = await gradedQuiz("lone-wolf");
  expect(new Set(quiz.questions.map((q) => q.type))).toEqual(new Set(["single", "multiple", "truefalse", "ordering", "categorise", "highlight"]));
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  await page.locator("body").click({ position: { x: 1, y: 1 } });
  await section.locator(".quiz__title").scrollIntoViewIfNeeded();
  // Start tabbing from the quiz heading's neighbourhood.
  await section.locator(".quiz__title").evaluate((el) => {
    (el as HTMLElement).tabIndex = -1;
    (el as HTMLElement).focus();
  });

  for (const q of quiz.questions) {
    const li = section.locator(`[data-question-id="${q.id}"]`);
    switch (q.type) {
      case "single":
      case "truefalse": {
        const target = q.options.findIndex((o) => o.correct);
        await tabTo(page, li.locator("input").first());
        for (let k = 0; k < target; k++) await page.keyboard.press("ArrowDown");
        if (target === 0) await page.keyboard.press("Space");
        await expect(li.locator("input").nth(target)).toBeChecked();
        break;
      }
      case "multiple":
        for (const [k, o] of q.options.entries()) {
          if (!o.correct) continue;
          await tabTo(page, li.locator("input").nth(k));
          await page.keyboard.press("Space");
          await expect(li.locator("input").nth(k)).toBeChecked();
        }
        break;
      case "categorise":
        for (const item of q.items) {
          const select = li.getByLabel(item.text, { exact: true });
          await tabTo(page, select);
          const index = q.categories.findIndex((c) => c.id === item.category) + 1;
          for (let k = 0; k < index; k++) await page.keyboard.press("ArrowDown");
          await expect(select).toHaveValue(item.category);
        }
        break;
      case "highlight":
        for (const p of q.phrases.filter((x) => x.correct)) {
          const button = li.locator("button.phrase", { hasText: p.text }).first();
          await tabTo(page, button);
          await page.keyboard.press("Space");
          await expect(button).toHaveAttribute("aria-pressed", "true");
        }
        break;
      case "ordering":
        for (let target = 0; target < q.items.length; target++) {
          const item = q.items[target];
          const up = li.getByRole("button", { name: `Move “${item.text}” up` });
          let at = (await li.locator(".ordering__text").allInnerTexts()).indexOf(item.text);
          if (at > target) await tabTo(page, up);
          while (at > target) {
            await page.keyboard.press("Enter");
            at = (await li.locator(".ordering__text").allInnerTexts()).indexOf(item.text);
            if (at > target) await expect(up).toBeFocused();
          }
        }
        await expect(li.locator(".ordering__text")).toHaveText(q.items.map((i) => i.text));
        await expect(li.locator("[aria-live]")).toContainText("moved to position");
        break;
    }
  }

  await tabTo(page, section.getByRole("button", { name: "Submit answers" }));
  await page.keyboard.press("Enter");
  const heading = section.locator(".quiz__result h3");
  await expect(heading).toHaveText(/100% — passed/);
  await expect(heading).toBeFocused();
  await expect(section.locator(".quiz__live")).toHaveAttribute("aria-live", "polite");
});
