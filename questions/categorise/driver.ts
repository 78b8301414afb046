// Browser-test driver for categorise: one native select per item.
import { expect } from "@playwright/test";
import { tabTo, type Driver } from "../driver-kit";
import type { CategoriseDefinition } from "./types";

/** Puts every item in its group, or every item in another group. */
export const categorise: Driver<CategoriseDefinition> = async (page, li, q, right, keyboard) => {
  for (const item of q.items) {
    const group = right ? item.category : q.categories.find((c) => c.id !== item.category)!.id;
    const select = li.getByLabel(item.text, { exact: true });
    if (!keyboard) {
      await select.selectOption(group);
      continue;
    }
    await tabTo(page, select);
    // Groups are listed in the student's own order, after "Choose a group…".
    const index = (await select.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).indexOf(group);
    for (let k = 0; k < index; k++) await page.keyboard.press("ArrowDown");
    await expect(select).toHaveValue(group);
  }
};
