// A course author previews draft units; students, instructors and visitors cannot see them.
import { expect, test } from "@playwright/test";
import { accounts, signInAs } from "./fixtures";

const PREVIEW = "/preview/e2e-draft-fixture";
const PUBLISHED = "/lessons/e2e-draft-fixture";

test("an author previews a draft unit with its quiz; the course lists it as a draft", async ({ page }) => {
  await signInAs(page, accounts.author);
  const res = await page.goto(PREVIEW);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("A draft unit used by the browser tests");
  await expect(page.getByText("DRAFT (visible to authors only)")).toBeVisible();
  await expect(page.locator('[data-quiz-id="e2e-draft-quiz"]')).toBeVisible();
  await page.goto("/course");
  const card = page.locator(".unit-card", { hasText: "A draft unit used by the browser tests" });
  await expect(card).toContainText("draft");
  await expect(card.getByRole("link")).toHaveAttribute("href", PREVIEW);
  // Drafts are never published at /lessons/, not even for authors.
  expect((await page.goto(PUBLISHED))?.status()).toBe(404);
});

test("students and instructors cannot see a draft, and the course does not list it", async ({ page }) => {
  for (const who of [accounts.student, accounts.instructor]) {
    await signInAs(page, who);
    expect((await page.goto(PUBLISHED))?.status(), who).toBe(404);
    expect((await page.goto(PREVIEW))?.status(), who).toBe(403);
    await expect(page.getByText("This is draft text")).toHaveCount(0);
    await page.goto("/course");
    await expect(page.locator(".unit-card", { hasText: "A draft unit" })).toHaveCount(0);
  }
});

test("an admin previews drafts too; an author can preview a published unit", async ({ page }) => {
  await signInAs(page, accounts.admin);
  expect((await page.goto(PREVIEW))?.status()).toBe(200);
  await signInAs(page, accounts.author);
  expect((await page.goto("/preview/lone-wolf"))?.status()).toBe(200);
  await expect(page.getByText("preview", { exact: false }).first()).toBeVisible();
});

test("an author's unit list: every unit in order, the draft marked, each opening its preview", async ({ page }) => {
  await signInAs(page, accounts.author);
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Units" }).click();
  await expect(page).toHaveURL(/\/preview$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Units");
  const draft = page.locator(".unit-card", { hasText: "A draft unit used by the browser tests" });
  await expect(draft).toContainText("Draft: authors only");
  await expect(draft).toContainText("lessons/99-e2e-draft-fixture.mdx");
  await expect(page.locator(".unit-card", { hasText: "Published" }).first()).toBeVisible();
  await draft.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`${PREVIEW}$`));
  // Students and instructors are refused the list.
  for (const who of [accounts.student, accounts.instructor]) {
    await signInAs(page, who);
    expect((await page.goto("/preview"))?.status(), who).toBe(403);
  }
});
