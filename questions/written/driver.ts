// Browser-test driver for written: types into the text box.
import { expect } from "@playwright/test";
import { tabTo, type Driver } from "../driver-kit";
import type { WrittenDefinition } from "./types";

/** Writes the top level's exemplar (or a short careful answer), or a one-line surface judgement. */
export const written: Driver<WrittenDefinition> = async (page, li, q, right, keyboard) => {
  const top = q.levels.at(-1)?.id ?? "";
  const text = right ? (q.exemplars[top] ?? "Who is behind it, and where did they get it?") : "It is on the news so it is true.";
  const box = li.locator("textarea");
  if (!keyboard) {
    await box.fill(text);
    return;
  }
  await tabTo(page, box);
  await page.keyboard.type(text);
  await expect(box).toHaveValue(text);
};
