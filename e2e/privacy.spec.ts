// A student's own data: download all of it, and delete the account with everything in it.
import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { JOIN_CODE, PASSWORD, accounts, answerQuiz, gradedQuiz, signInAs, uniqueEmail } from "./fixtures";

test("a student downloads their data, then deletes their account and its attempts", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("leaver");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Lee Leaver");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Class join code").fill(JOIN_CODE);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/course$/);
  await page.goto("/lessons/claims");
  const quiz = await gradedQuiz("claims");
  await answerQuiz(page, quiz, true);
  await page.locator(`[data-quiz-id="${quiz.id}"]`).getByRole("button", { name: "Submit answers" }).click();
  await expect(page.locator(`[data-quiz-id="${quiz.id}"] .quiz__result h3`)).toBeVisible();

  await page.goto("/account/privacy");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download my data (JSON)" }).click();
  const data = JSON.parse(await readFile((await (await downloadPromise).path())!, "utf8"));
  expect(data.account.email).toBe(email);
  expect(data.classes.map((c: { name: string }) => c.name)).toEqual(["Demo class"]);
  expect(data.attempts).toHaveLength(1);
  expect(data.attempts[0].answers).toHaveLength(quiz.questions.length);
  const raw = JSON.stringify(data);
  expect(raw).not.toContain(accounts.student);
  expect(raw).not.toContain("passwordHash");

  // The instructor sees the student before…
  const teacher = await (await browser.newContext()).newPage();
  await signInAs(teacher, accounts.instructor);
  await teacher.goto("/instructor");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await expect(teacher.getByText(email)).toBeVisible();

  // A wrong password deletes nothing.
  await page.getByLabel("Your password").fill("not-my-password");
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not deleted" })).toBeVisible();

  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page).toHaveURL(/\/\?deleted=1$/);
  expect((await (await page.request.get("/api/me")).json()).user).toBeNull();

  // …and not after; signing in again fails.
  await teacher.reload();
  await expect(teacher.getByText(email)).toHaveCount(0);
  const csrf = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, email, password: PASSWORD, json: "true" } });
  expect((await res.json()).url).toContain("error=CredentialsSignin");
});

test("the data export and deletion need a signed-in user", async ({ request }) => {
  expect((await request.get("/api/account/export")).status()).toBe(401);
  expect((await request.post("/api/account/delete", { data: { password: "x", confirm: "DELETE" } })).status()).toBe(401);
});
