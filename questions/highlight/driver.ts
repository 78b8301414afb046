// Browser-test driver for highlight: toggles phrase buttons.
import { expect } from "@playwright/test";
import { tabTo, type Driver } from "../driver-kit";
import type { HighlightDefinition } from "./types";

/** Selects every correct phrase, or one wrong phrase. */
export const highlight: Driver<HighlightDefinition> = async (page, li, q, right, keyboard) => {
  const picks = right ? q.phrases.filter((p) => p.correct) : [q.phrases.find((p) => !p.correct) ?? q.phrases[0]];
  for (const p of picks) {
    const button = li.locator("button.phrase", { hasText: p.text }).first();
    if (!keyboard) {
      await button.click();
      continue;
    }
    await tabTo(page, button);
    await page.keyboard.press("Space");
    await expect(button).toHaveAttribute("aria-pressed", "true");
  }
};
