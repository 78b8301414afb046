// An instructor sets due dates for a class, reads done on time / late / missing / not due yet
// in the grid, the CSV and "who needs help"; the student sees their due dates on the course
// page. And the grid fits: every unit visible without sideways scrolling at 1280 px, and a
// card per student on a phone.
import { expect, test } from "@playwright/test";
import { accounts, getCourseForTests, newClass, signInAs, signUpStudent, takeQuiz } from "./fixtures";

test("due dates: set by the instructor, statuses in the grid, the CSV and who needs help, and on the student's course page", async ({ browser }) => {
  test.setTimeout(90_000);
  const klass = await newClass("Due");
  const student = await (await browser.newContext()).newPage();
  const name = `Due Student ${Date.now()}`;
  const email = await signUpStudent(student, name, klass.joinCode);
  await takeQuiz(student, "claims", false);

  const teacher = await (await browser.newContext()).newPage();
  await signInAs(teacher, accounts.instructor);
  await teacher.goto(`/instructor/classes/${klass.id}`);
  await teacher.getByRole("link", { name: "Due dates" }).click();
  await expect(teacher.getByRole("heading", { name: klass.name })).toBeVisible();
  // claims: due long ago, done after it → late; numbers: due long ago, not done → missing;
  // sources: due far ahead → not due yet.
  await teacher.getByLabel(/: “ISIS claimed responsibility”/).fill("2026-01-02");
  await teacher.getByLabel(/: Numbers in terrorism news/).fill("2026-01-03");
  await teacher.getByLabel(/: Where did this come from/).fill("2099-12-31");
  await teacher.getByLabel("Time zone the days are read in").selectOption("Europe/London");
  await teacher.getByRole("button", { name: "Save due dates" }).click();
  await expect(teacher.getByRole("status")).toContainText("Saved: 3 units with a due date");
  await teacher.reload();
  await expect(teacher.getByLabel(/: Numbers in terrorism news/)).toHaveValue("2026-01-03");

  await teacher.goto(`/instructor/classes/${klass.id}`);
  const row = teacher.locator(`tr[data-student="${email}"]`);
  await expect(row.locator('td[data-unit="claims"]')).toContainText(" · late");
  await expect(row.locator('td[data-unit="claims"]')).toHaveClass(/due--late/);
  await expect(row.locator('td[data-unit="numbers"]')).toContainText("Not started · missing");
  await expect(row.locator('td[data-unit="sources"]')).toContainText("not due yet");
  await expect(teacher.getByRole("columnheader", { name: /Unit 4.*due 3 Jan/ })).toBeVisible();
  const missing = teacher.locator('[data-group="missing"]');
  await expect(missing.getByRole("link", { name })).toBeVisible();
  await expect(missing).toContainText("Unit 4");
  await expect(teacher.locator('[data-group="below"]').getByRole("link", { name })).toBeVisible();

  const csv = await (await teacher.request.get(`/instructor/classes/${klass.id}/export/progress`)).text();
  const header = csv.replace(/^\uFEFF/, "").split("\r\n")[0].split(",");
  const mine = csv.split("\r\n").find((l) => l.includes(email))!.split(",");
  expect(mine[header.indexOf("numbers due date")]).toBe("Missing");
  expect(mine[header.indexOf("claims due date")]).toBe("Done late");
  expect(mine[header.indexOf("lone-wolf due date")]).toBe("");

  await student.goto("/course");
  const numbers = student.locator(".unit-card", { hasText: "Numbers in terrorism news" });
  await expect(numbers).toContainText("due Sat 3 Jan 2026 (missing)");
  await expect(student.locator(".unit-card", { hasText: "Where did this come from" })).toContainText("due Thu 31 Dec 2099");
  await expect(student.locator(".unit-card", { hasText: "“ISIS claimed responsibility”" })).toContainText("(done late)");
});

test("the progress grid shows every unit without sideways scrolling at 1280 px, and a card per student on a phone", async ({ browser }) => {
  const { lessons } = await getCourseForTests();
  const graded = lessons.filter((l) => l.quizzes.some((q) => !q.practice));
  const desktop = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await signInAs(desktop, accounts.instructor);
  await desktop.goto("/instructor");
  const href = (await desktop.getByRole("link", { name: "Demo class" }).getAttribute("href"))!;
  await desktop.goto(href);
  const region = desktop.getByRole("region", { name: "Progress grid" });
  const unitHeads = desktop.locator("table.grid thead th .grid__unit");
  await expect(unitHeads).toHaveCount(graded.length);
  const fits = await region.evaluate((el) => el.scrollWidth <= el.clientWidth);
  expect(fits, "the grid needs no sideways scrolling").toBe(true);
  for (const head of await unitHeads.all()) {
    const box = (await head.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
  // The full title on keyboard focus, not only on hover.
  await unitHeads.first().focus();
  await expect(unitHeads.first().locator(".grid__full")).toBeVisible();
  expect(await desktop.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  // Printed: no header, tabs or filter form, and the grid whole (nothing scrolls on paper).
  await desktop.emulateMedia({ media: "print" });
  await expect(desktop.locator(".site-header")).toBeHidden();
  await expect(desktop.getByRole("form", { name: "Filter students" })).toBeHidden();
  expect(await region.evaluate((el) => getComputedStyle(el).overflowX)).toBe("visible");
  await expect(unitHeads.last()).toBeVisible();
  await desktop.emulateMedia({ media: "screen" });

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAs(phone, accounts.instructor);
  await phone.goto(href);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const firstCard = phone.locator("table.grid tbody tr").first();
  const cells = firstCard.locator("td[data-unit]");
  await expect(cells).toHaveCount(graded.length);
  for (const cell of await cells.all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
  }
});
