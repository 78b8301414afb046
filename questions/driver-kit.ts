// What the question types' browser-test drivers (questions/<type>/driver.ts) share: the
// contract they meet, and moving focus with the Tab key alone. Test code (Playwright), never
// part of the app.
import type { Locator, Page } from "@playwright/test";

/**
 * Answers one question on the page: correctly when `right`, otherwise with a plainly wrong
 * answer. With `keyboard`, only Tab, arrows, Space and Enter are used.
 */
export type Driver<D> = (page: Page, question: Locator, q: D, right: boolean, keyboard: boolean) => Promise<void>;

/** Presses Tab until `target` has focus; fails if the keyboard never reaches it. */
export async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 400; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`keyboard never reached ${target}`);
}
