// axe finds no WCAG 2.2 AA violation on any page, for each persona that sees it.
import { expect, test, type Page } from "@playwright/test";
import { accounts, axeViolations, getCourseForTests, signInAs } from "./fixtures";

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main h1").first()).toBeVisible();
  expect(await axeViolations(page), `axe on ${path}`).toEqual([]);
}

test("public pages", async ({ page }) => {
  for (const path of ["/", "/signin", "/signup"]) await expectNoViolations(page, path);
});

test("student pages: the course and every unit", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.student2);
  await expectNoViolations(page, "/course");
  await expectNoViolations(page, "/");
  const { lessons } = await getCourseForTests();
  for (const l of lessons) await expectNoViolations(page, `/lessons/${l.slug}`);
});

test("instructor pages and the refusal page", async ({ page }) => {
  await signInAs(page, accounts.instructor);
  await expectNoViolations(page, "/instructor");
  const href = await page.getByRole("link", { name: "Demo class" }).getAttribute("href");
  await expectNoViolations(page, href!);
  await signInAs(page, accounts.student);
  await expectNoViolations(page, "/instructor");
});

test("class reports, roster, student detail, account and admin pages", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.instructor);
  await page.goto("/instructor");
  const klass = (await page.getByRole("link", { name: "Demo class" }).getAttribute("href"))!;
  for (const path of ["", "/items", "/items?unit=claims", "/gain", "/roster", "/join", "/written", "/written?names=hidden"]) await expectNoViolations(page, `${klass}${path}`);
  await page.goto(`${klass}/roster`);
  const student = (await page.locator("tbody th a").first().getAttribute("href"))!;
  await expectNoViolations(page, student);
  await expectNoViolations(page, "/account");
  await signInAs(page, accounts.author);
  await expectNoViolations(page, "/preview");
  await signInAs(page, accounts.admin);
  await expectNoViolations(page, "/admin/users");
  await expectNoViolations(page, "/account");
});
