// Browser-test driver for ordering: the "up" buttons move each item to its place.
import { expect } from "@playwright/test";
import { tabTo, type Driver } from "../driver-kit";
import type { OrderingDefinition } from "./types";

/** Puts the items in the correct order; a wrong answer leaves the shown order as it is. */
export const ordering: Driver<OrderingDefinition> = async (page, li, q, right, keyboard) => {
  if (!right) return;
  const shown = () => li.locator(".ordering__text").allInnerTexts();
  for (let target = 0; target < q.items.length; target++) {
    const item = q.items[target];
    const up = li.getByRole("button", { name: `Move “${item.text}” up` });
    let at = (await shown()).indexOf(item.text);
    if (keyboard && at > target) await tabTo(page, up);
    while (at > target) {
      if (keyboard) await page.keyboard.press("Enter");
      else await up.click();
      at = (await shown()).indexOf(item.text);
      if (keyboard && at > target) await expect(up).toBeFocused();
    }
  }
  await expect(li.locator(".ordering__text")).toHaveText(q.items.map((i) => i.text));
  if (keyboard) await expect(li.locator("[aria-live]")).toContainText("moved to position");
};
