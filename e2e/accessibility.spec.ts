// axe finds no WCAG 2.2 AA violation on any page, for each persona that sees it.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { accounts, getCourseForTests, signInAs } from "./fixtures";

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main h1").first()).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(summary, `axe on ${path}`).toEqual([]);
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
  for (const path of ["", "/items", "/items?unit=claims", "/gain", "/roster", "/join"]) await expectNoViolations(page, `${klass}${path}`);
  await page.goto(`${klass}/roster`);
  const student = (await page.locator("tbody th a").first().getAttribute("href"))!;
  await expectNoViolations(page, student);
  await expectNoViolations(page, "/account");
  await signInAs(page, accounts.author);
  await expectNoViolations(page, "/preview");
  await signInAs(page, accounts.admin);
  await expectNoViolations(page, "/admin/users");
  await expectNoViolations(page, "/admin/lti");
  // The page an LTI refusal shows (here: a login request that names no platform).
  await expectNoViolations(page, "/api/lti/login");
  await expectNoViolations(page, "/account");
});
