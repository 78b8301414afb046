// axe finds no WCAG 2.2 AA violation on any page, for each persona that sees it.
import { expect, test, type Page } from "@playwright/test";
import { accounts, axeViolations, getCourseForTests, quizOnPage, signInAs, signUpStudent } from "./fixtures";

async function expectNoViolations(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main h1").first()).toBeVisible();
  // A unit's quizzes load at the student's first key press (or when near the screen): checked loaded.
  if ((await page.locator("section.quiz").count()) > 0) {
    await page.waitForLoadState("networkidle"); // hydrated: a key press before that does nothing
    await page.keyboard.press("Tab");
    await expect(page.locator('section.quiz[aria-busy="true"]')).toHaveCount(0);
  }
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

test("hands-on tasks opened: the investigation's pages, a search result's page", async ({ page }) => {
  await signUpStudent(page, "Hands On");
  await page.goto("/lessons/claims");
  const profiles = page.locator("details.profile");
  expect(await profiles.count()).toBeGreaterThan(1);
  for (const summary of await page.locator("details.profile summary").all()) await summary.click();
  await expect(page.locator("details.profile[open]")).toHaveCount(await profiles.count());
  expect(await axeViolations(page), "axe on unit 2 with every profile open").toEqual([]);

  await page.goto("/lessons/sources");
  await quizOnPage(page);
  const serp = page.locator('[data-question-type="search"]');
  await serp.getByRole("button").first().click();
  await expect(serp.locator(".serp__page")).toBeVisible();
  await expect(serp.getByText("You opened this result first.")).toBeVisible();
  expect(await axeViolations(page), "axe on unit 3 with a result open").toEqual([]);
});

test("instructor pages and the refusal page", async ({ page }) => {
  await signInAs(page, accounts.instructor);
  await expectNoViolations(page, "/instructor");
  const href = await page.getByRole("link", { name: "Demo class" }).getAttribute("href");
  await expectNoViolations(page, href!);
  // The LTI deep linking picker without a request from the LMS (with one: e2e/lti.spec.ts).
  await expectNoViolations(page, "/instructor/lti/deep-link");
  await signInAs(page, accounts.student);
  await expectNoViolations(page, "/instructor");
});

test("class reports, roster, student detail, account and admin pages", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.instructor);
  await page.goto("/instructor");
  const klass = (await page.getByRole("link", { name: "Demo class" }).getAttribute("href"))!;
  for (const path of ["", "/items", "/items?unit=claims", "/gain", "/roster", "/join", "/written", "/written?names=hidden", "/due-dates", "/lms-grades"]) await expectNoViolations(page, `${klass}${path}`);
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

// The dark theme, one test per persona: each checks a dozen pages with axe, which takes
// minutes on a busy 2-core machine.
async function darkTheme(page: Page) {
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(true);
}

test("the dark theme (the system's setting): visitor and student pages", async ({ page }) => {
  test.setTimeout(120_000);
  await darkTheme(page);
  for (const path of ["/", "/signin"]) await expectNoViolations(page, path);
  await signInAs(page, accounts.student2);
  await expectNoViolations(page, "/course");
  const { lessons } = await getCourseForTests();
  for (const l of lessons) await expectNoViolations(page, `/lessons/${l.slug}`);
  // The page really is dark: light text on a dark background.
  const [ink, paper] = await page.evaluate(() => [getComputedStyle(document.body).color, getComputedStyle(document.documentElement).backgroundColor]);
  expect(ink).toBe("rgb(230, 233, 237)");
  expect(paper).toBe("rgb(18, 20, 23)");
});

test("the dark theme (the system's setting): instructor and author pages", async ({ page }) => {
  test.setTimeout(120_000);
  await darkTheme(page);
  await signInAs(page, accounts.instructor);
  await expectNoViolations(page, "/instructor");
  await page.goto("/instructor");
  const klass = (await page.getByRole("link", { name: "Demo class" }).getAttribute("href"))!;
  for (const path of ["", "/items?unit=claims", "/gain", "/written", "/due-dates", "/roster", "/join"]) await expectNoViolations(page, `${klass}${path}`);
  await page.goto(`${klass}/written`);
  const first = page.getByRole("link", { name: "Start with the oldest" });
  if (await first.count()) await expectNoViolations(page, (await first.getAttribute("href"))!);
  await signInAs(page, accounts.author);
  await expectNoViolations(page, "/preview");
  await expectNoViolations(page, "/preview/claims");
});
