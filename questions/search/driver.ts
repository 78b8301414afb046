// Browser-test driver for search results: opens the best first result, or another one.
import { expect } from "@playwright/test";
import { tabTo, type Driver } from "../driver-kit";
import type { SearchDefinition } from "./types";

export const search: Driver<SearchDefinition> = async (page, li, q, right, keyboard) => {
  const target = q.results.find((r) => r.correct === right)!;
  const button = li.getByRole("button", { name: target.title, exact: true });
  if (keyboard) {
    await tabTo(page, button);
    await page.keyboard.press("Enter");
  } else {
    await button.click();
  }
  await expect(button).toHaveAttribute("aria-expanded", "true");
  await expect(li.getByText("You opened this result first.")).toBeVisible();
};
