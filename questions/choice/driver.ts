// Browser-test drivers for the choice family: radio buttons (pick one) and checkboxes.
import { expect } from "@playwright/test";
import { tabTo, type Driver } from "../driver-kit";
import type { OptionsDefinition } from "./types";

/** Pick one: the correct option, or the first wrong one (options are shown in the student's own order). */
export const pickOneDriver: Driver<OptionsDefinition<string>> = async (page, li, q, right, keyboard) => {
  const option = q.options.find((o) => o.correct === right)!;
  if (!keyboard) return li.getByLabel(option.text, { exact: true }).check();
  // The student's own copy loads after the page (/api/quiz-status): read the order once it is there.
  await li.locator("input").first().waitFor();
  const shown = await li.locator("input").evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const target = shown.indexOf(option.id);
  await tabTo(page, li.locator("input").first());
  for (let k = 0; k < target; k++) await page.keyboard.press("ArrowDown");
  if (target === 0) await page.keyboard.press("Space");
  await expect(li.locator(`input[value="${option.id}"]`)).toBeChecked();
};

/** Pick several: every correct option, or only the first wrong one. */
export const pickSeveralDriver: Driver<OptionsDefinition<string>> = async (page, li, q, right, keyboard) => {
  const picks = right ? q.options.filter((o) => o.correct) : [q.options.find((o) => !o.correct)!];
  for (const o of picks) {
    if (!keyboard) {
      await li.getByLabel(o.text, { exact: true }).check();
      continue;
    }
    const box = li.locator(`input[value="${o.id}"]`);
    await tabTo(page, box);
    await page.keyboard.press("Space");
    await expect(box).toBeChecked();
  }
};
