// An instructor manages classes: creates one, rotates and switches off its join code, sees a
// student join with it and removes them; an admin makes a user an instructor.
import { expect, test } from "@playwright/test";
import { accounts, signInAs, signUpStudent } from "./fixtures";

const CODE = /[A-Z0-9]{4}-[A-Z0-9]{4}/;

test("create a class, a student joins it from their account, the instructor rotates, switches off and removes", async ({ browser }) => {
  const teacher = await (await browser.newContext()).newPage();
  await signInAs(teacher, accounts.instructor);
  await teacher.goto("/instructor");
  const name = `Year 10 media ${Date.now()}`;
  await teacher.getByLabel("Class name").fill(name);
  await teacher.getByRole("button", { name: "Create class" }).click();
  await expect(teacher.getByRole("status")).toContainText(`Created “${name}”`);
  const code = CODE.exec((await teacher.getByRole("status").textContent()) ?? "")![0];

  // A signed-in student (already in the demo class) joins a second class with the code.
  const student = await (await browser.newContext()).newPage();
  const email = await signUpStudent(student, "Riley Twoclasses");
  await student.goto("/account");
  await student.getByLabel("Class join code").fill(code.toLowerCase().replace("-", " "));
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("status").filter({ hasText: "You are in" })).toContainText(`You are in “${name}”`);
  await student.reload();
  await expect(student.getByRole("listitem").filter({ hasText: name })).toBeVisible();
  await expect(student.getByRole("listitem").filter({ hasText: "Demo class" })).toBeVisible();

  await teacher.reload();
  await teacher.getByRole("link", { name }).click();
  await teacher.getByRole("link", { name: "Roster and join code" }).click();
  await expect(teacher.getByTestId("join-code")).toContainText(code);
  await expect(teacher.locator(`tr[data-student="${email}"]`)).toBeVisible();

  await teacher.getByRole("button", { name: "Make a new code" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "The new join code is" })).toBeVisible();
  const rotated = CODE.exec((await teacher.getByTestId("join-code").textContent()) ?? "")![0];
  expect(rotated).not.toBe(code);

  // The old code no longer works.
  await student.reload();
  await student.getByLabel("Class join code").fill(code);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.locator(".form-error")).toContainText("No class has that join code");

  await teacher.getByRole("button", { name: "Switch joining off" }).click();
  await expect(teacher.getByTestId("join-code")).toContainText("Joining is switched off");
  await student.reload();
  await student.getByLabel("Class join code").fill(rotated);
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.locator(".form-error")).toContainText("No class has that join code");

  const row = teacher.locator(`tr[data-student="${email}"]`);
  await row.getByText("Remove…").click();
  await row.getByRole("button", { name: "Remove Riley Twoclasses from this class" }).click();
  await expect(teacher.getByRole("status").filter({ hasText: "The student was removed from this class." })).toBeVisible();
  await expect(teacher.locator(`tr[data-student="${email}"]`)).toHaveCount(0);
  await student.reload();
  await expect(student.getByRole("listitem").filter({ hasText: name })).toHaveCount(0);
  await expect(student.getByRole("listitem").filter({ hasText: "Demo class" })).toBeVisible();
});

test("a class name is required and bounded", async ({ page }) => {
  await signInAs(page, accounts.instructor);
  await page.goto("/instructor");
  await page.getByLabel("Class name").evaluate((el) => {
    el.removeAttribute("required");
    el.removeAttribute("maxlength");
  });
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.locator(".form-error")).toHaveText("Name the class.");
  await page.getByLabel("Class name").fill("x".repeat(200));
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.locator(".form-error")).toHaveText("A class name can be at most 80 characters.");
});

test("an admin makes a user an instructor; nobody else may open the users page", async ({ browser }) => {
  const newcomer = await (await browser.newContext()).newPage();
  const email = await signUpStudent(newcomer, "Morgan Promoted");
  expect((await newcomer.goto("/instructor"))?.status()).toBe(403);

  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, accounts.admin);
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.locator(`tr[data-user="${email}"]`);
  await row.getByLabel("Role of Morgan Promoted").selectOption("instructor");
  await row.getByRole("button", { name: "Change role" }).click();
  await expect(row.getByRole("status")).toHaveText("Role changed to instructor.");

  // A role change ends the user's sessions (e2e/security.spec.ts): they sign in again.
  await signInAs(newcomer, email);
  expect((await newcomer.goto("/instructor"))?.status()).toBe(200);
  await expect(newcomer.getByRole("heading", { name: "Your classes" })).toBeVisible();

  for (const who of [accounts.instructor, accounts.student]) {
    await signInAs(newcomer, who);
    expect((await newcomer.goto("/admin/users"))?.status(), who).toBe(403);
  }
});
