// An instructor: sees their class and each student's latest score; is refused other classes.
import { expect, test } from "@playwright/test";
import { JOIN_CODE, PASSWORD, accounts, answerQuiz, gradedQuiz, signInAs } from "./fixtures";

test("the demo instructor sees a student's latest score after the student takes a quiz", async ({ browser }) => {
  const studentPage = await (await browser.newContext()).newPage();
  await signInAs(studentPage, accounts.student);
  await studentPage.goto("/lessons/claims");
  const quiz = await gradedQuiz("claims");
  await answerQuiz(studentPage, quiz, false);
  await studentPage.locator(`[data-quiz-id="${quiz.id}"]`).getByRole("button", { name: "Submit answers" }).click();
  const heading = studentPage.locator(`[data-quiz-id="${quiz.id}"] .quiz__result h3`);
  await expect(heading).toHaveText(/Attempt \d+: \d+%/);
  const percent = /(\d+)%/.exec((await heading.textContent()) ?? "")![1];

  const page = await (await browser.newContext()).newPage();
  await signInAs(page, accounts.instructor);
  await page.goto("/instructor");
  await page.getByRole("link", { name: "Demo class" }).click();
  const cell = page.locator(`tr[data-student="${accounts.student}"] td[data-unit="claims"]`);
  await expect(cell).toContainText(`${percent}%`);
  // The class's tabs; grades sent to an LMS only for a class made by an LMS course (e2e/lti.spec.ts).
  const tabs = page.getByRole("navigation", { name: "Class pages" }).getByRole("link");
  await expect(tabs).toHaveText(["Progress", "Item analysis", "Learning gain", "Written answers", "Due dates", "Roster and join code"]);
});

test("a student who opens the instructor pages is refused", async ({ page }) => {
  await signInAs(page, accounts.student);
  const res = await page.goto("/instructor");
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You don’t have access to this page" })).toBeVisible();
});

test("an instructor is refused another instructor's class, and a made-up class id", async ({ page }) => {
  await signInAs(page, accounts.otherInstructor);
  await page.goto("/instructor");
  const otherClassUrl = await page.getByRole("link", { name: "Other class" }).getAttribute("href");
  expect(otherClassUrl).toMatch(/^\/instructor\/classes\//);

  await signInAs(page, accounts.instructor);
  const foreign = await page.goto(otherClassUrl!);
  expect(foreign?.status()).toBe(403);
  await expect(page.getByText("Other Student")).toHaveCount(0);
  const madeUp = await page.goto("/instructor/classes/does-not-exist");
  expect(madeUp?.status()).toBe(403);
});

test("an anonymous visitor is sent to sign in", async ({ page }) => {
  for (const path of ["/course", "/instructor", "/lessons/lone-wolf"]) {
    await page.goto(path);
    await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=${encodeURIComponent(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  }
  const api = await page.request.get("/api/quiz-status?lesson=lone-wolf&quiz=lone-wolf-quiz");
  expect(api.status()).toBe(401);
});

test("an instructor who signs in lands on their classes, with Teach in the header and on the home page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(accounts.instructor);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/instructor$/);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Teach" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Units" })).toHaveCount(0);
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Your classes" })).toHaveAttribute("href", "/instructor");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveCount(0);
});

test("the join code shown to a room, and its link fills the code in for a new student", async ({ page, browser }) => {
  await signInAs(page, accounts.instructor);
  await page.goto("/instructor");
  await page.getByRole("link", { name: "Demo class" }).click();
  await page.getByRole("link", { name: "show it to the room" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Join Demo class");
  await expect(page.locator(".join-code__code")).toHaveText(JOIN_CODE);
  const link = page.locator(".join-code__link");
  await expect(link).toHaveText(new RegExp(`^https?://[^/]+/signup\\?code=${JOIN_CODE}$`));

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto((await link.getAttribute("href"))!);
  await expect(visitor.getByLabel("Class join code")).toHaveValue(JOIN_CODE);
  // Anything that is not a join code is not filled in.
  await visitor.goto("/signup?code=%3Cscript%3E");
  await expect(visitor.getByLabel("Class join code")).toHaveValue("");
});
