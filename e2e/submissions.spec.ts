// A student's submissions are never lost or doubled: two tabs racing for the last attempt,
// the attempt limit after a reload, a server too busy to take them, and refusals over HTTP that
// store nothing.
import { expect, test } from "@playwright/test";
import { accounts, answerQuiz, gradedQuiz, quizOnPage, signInAs, signUpStudent } from "./fixtures";

test("two tabs racing for the only attempt: exactly one is stored, the other is told why", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  await signInAs(first, accounts.admin);
  const second = await context.newPage();
  for (const page of [first, second]) await page.goto("/lessons/pre-assessment");
  // The student's own form (A or B) is what both tabs show.
  const quiz = await quizOnPage(first);
  expect(quiz.policy.maxAttempts).toBe(1);
  for (const page of [first, second]) await expect(page.locator(`[data-quiz-id="${quiz.id}"] .quiz__policy`)).toContainText("one attempt");
  const submit = (page: typeof first) => page.locator(`[data-quiz-id="${quiz.id}"]`).getByRole("button", { name: "Submit answers" }).click();
  await Promise.all([submit(first), submit(second)]);

  const outcomes = await Promise.all(
    [first, second].map(async (page) => {
      const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
      await expect(section.locator(".quiz__result h3").or(section.locator(".form-error"))).toBeVisible();
      return (await section.locator(".quiz__result h3").count()) ? "stored" : await section.locator(".form-error").innerText();
    }),
  );
  expect(outcomes.filter((o) => o === "stored")).toHaveLength(1);
  expect(outcomes.find((o) => o !== "stored")).toMatch(/used all 1 attempts/);
  const status = await (await first.request.get(`/api/quiz-status?lesson=pre-assessment&quiz=${quiz.id}`)).json();
  expect(status.attemptsUsed).toBe(1);

  // After a reload the stored attempt comes back (a thank-you: an assessment shows no result)
  // and there is nothing left to submit.
  await second.reload();
  await expect(second.locator(`[data-quiz-id="${quiz.id}"] .quiz__result h3`)).toHaveText("Thank you: your answers are saved.");
  await expect(second.locator(`[data-quiz-id="${quiz.id}"]`).getByRole("button", { name: "Submit answers" })).toHaveCount(0);
  await context.close();
});

test("answers survive a reload before submitting", async ({ page }) => {
  await signInAs(page, accounts.author);
  await page.goto("/lessons/numbers");
  const quiz = await quizOnPage(page);
  const q = quiz.questions.find((x) => x.type === "single")!;
  if (q.type !== "single") throw new Error("expected a single-choice question");
  const option = page.locator(`[data-question-id="${q.id}"]`).getByLabel(q.options[1].text, { exact: true });
  await option.check();
  await page.reload();
  await expect(page.locator(`[data-question-id="${q.id}"]`).getByLabel(q.options[1].text, { exact: true })).toBeChecked();
});

test("the attempts API refuses bad requests with a 4xx and stores nothing", async ({ page }) => {
  await signInAs(page, accounts.student2);
  const quiz = await gradedQuiz("covering-terror");
  const attempts = async () => (await (await page.request.get(`/api/quiz-status?lesson=covering-terror&quiz=${quiz.id}`)).json()).attemptsUsed as number;
  const before = await attempts();
  const post = (data: string) => page.request.post("/api/attempts", { data, headers: { "Content-Type": "application/json" } });
  const key = () => `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`;

  expect((await post("{not json")).status()).toBe(400);
  expect((await post(JSON.stringify({ lessonSlug: "covering-terror" }))).status()).toBe(400);
  expect((await post(JSON.stringify({ lessonSlug: "covering-terror", quizId: quiz.id, submissionKey: key(), answers: { nope: { choice: "o1" } } }))).status()).toBe(400);
  expect((await post(JSON.stringify({ lessonSlug: "covering-terror", quizId: "lone-wolf-quiz", submissionKey: key(), answers: {} }))).status()).toBe(400);
  expect((await post("x".repeat(100_000))).status()).toBe(413);
  expect(await attempts()).toBe(before);

  const anonymous = await page.request.fetch("/api/attempts", { method: "POST", data: "{}", headers: { Cookie: "" } });
  expect([401]).toContain(anonymous.status());
});

test("a server too busy to take the answers (503 + Retry-After): the page says so and sends them again, once, with the same key", async ({ page }) => {
  await signUpStudent(page, "Busy Server");
  await page.goto("/lessons/numbers");
  const quiz = await quizOnPage(page);
  await answerQuiz(page, quiz, true);
  // The first submission is turned away as the admission gate would (server/quiz/gate.ts);
  // the next ones reach the server.
  const sent: string[] = [];
  await page.route("**/api/attempts", async (route) => {
    sent.push(route.request().postDataJSON().submissionKey);
    if (sent.length === 1) {
      await route.fulfill({ status: 503, headers: { "Retry-After": "1", "Content-Type": "application/json" }, body: JSON.stringify({ ok: false, error: "busy" }) });
    } else await route.continue();
  });
  const section = page.locator(`[data-quiz-id="${quiz.id}"]`);
  await section.getByRole("button", { name: "Submit answers" }).click();
  await expect(section.getByRole("status").filter({ hasText: "sent again in 1 second" })).toBeVisible();
  await expect(section.locator(".quiz__result h3")).toHaveText(/Attempt 1: \d+%/);
  expect(sent).toHaveLength(2);
  expect(sent[1]).toBe(sent[0]);
  await expect(section.getByRole("status").filter({ hasText: "sent again" })).toHaveCount(0);
  const status = await (await page.request.get(`/api/quiz-status?lesson=numbers&quiz=${quiz.id}`)).json();
  expect(status.attemptsUsed).toBe(1);
});
