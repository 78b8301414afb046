// An instructor reads their class: the progress grid, a student's answers, item analysis,
// learning gain and the CSV exports — and is refused anything outside their classes.
import { expect, test, type Page } from "@playwright/test";
import { accounts, gradedQuiz, scoreWrittenAnswers, signInAs, signUpStudent, takeQuiz } from "./fixtures";

async function demoClassUrl(page: Page) {
  await page.goto("/instructor");
  return (await page.getByRole("link", { name: "Demo class" }).getAttribute("href"))!;
}

test("progress grid, student detail, item analysis, learning gain and CSV exports follow a student's work", async ({ browser }) => {
  test.setTimeout(120_000);
  // The name starts with "=": the CSV must not let a spreadsheet run it.
  const name = `=Gain Tester ${Date.now()}`;
  const student = await (await browser.newContext()).newPage();
  const email = await signUpStudent(student, name);
  await takeQuiz(student, "pre-assessment", false);
  await takeQuiz(student, "claims", false);
  await takeQuiz(student, "post-assessment", true);
  // Both assessment forms ask the same number of questions (they are parallel).
  const answersTaken = 2 * (await gradedQuiz("pre-assessment")).questions.length + (await gradedQuiz("claims")).questions.length;

  const page = await (await browser.newContext()).newPage();
  await signInAs(page, accounts.instructor);
  const classUrl = await demoClassUrl(page);
  // The written answers first: the post-assessment's (written well) at the top level, the others at the lowest.
  await scoreWrittenAnswers(page, classUrl, name, (unit) => (/After the course/.test(unit) ? 3 : 1));
  await page.goto(classUrl);

  // The grid: statuses and best scores, a filter and a sort that need no script.
  const row = page.locator(`tr[data-student="${email}"]`);
  await expect(row.locator('td[data-unit="post-assessment"]')).toContainText("Passed");
  await expect(row.locator('td[data-unit="post-assessment"]')).toContainText("best 100%");
  // The demo class has due dates (prisma/demo-class.ts): unit 2 was due a week ago, unit 1 two weeks ago.
  await expect(row.locator('td[data-unit="claims"]')).toHaveText(/^Completed, best \d+% · late$/);
  await expect(row.locator('td[data-unit="lone-wolf"]')).toHaveText("Not started · missing");
  await expect(page.getByRole("img", { name: /Progress in each unit/ })).toBeVisible();

  await page.getByLabel("Name or email").fill(email);
  await page.getByLabel("Unit", { exact: true }).selectOption("post-assessment");
  await page.getByLabel("Status in that unit").selectOption("passed");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=passed/);
  await expect(page.locator("table.grid tbody tr")).toHaveCount(1);
  await page.getByRole("link", { name: "Passed", exact: true }).click();
  await expect(page.getByRole("columnheader", { name: "Passed" })).toHaveAttribute("aria-sort", "ascending");

  // The student's page: a summary first, then every attempt, every answer as text, with the time taken.
  await row.getByRole("link", { name }).click();
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary).toContainText("Passed 0 of 5 units");
  await expect(summary.locator('tr[data-unit="claims"]')).toContainText("Completed");
  await expect(summary.locator('tr[data-unit="claims"]')).toContainText(": done late");
  await expect(page.getByRole("heading", { name: /what a claim is and isn't: attempt 1/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /^After the course.*: attempt 1 — 100% \(passed\)$/ })).toBeVisible();
  const answers = page.locator("section.attempt tbody tr");
  expect(await answers.count()).toBe(answersTaken);
  await expect(answers.first().locator("td").nth(3)).toHaveText(/\d+(\.\d)? s|—/);

  // Item analysis of the claims quiz: the option table and the most common wrong answer.
  await page.goto(`${classUrl}/items?unit=claims`);
  await expect(page.getByRole("heading", { name: /what a claim is and isn't/, level: 2 })).toBeVisible();
  const firstItem = page.locator("li.item").first();
  // Plain words, with the technical term beside them.
  await expect(firstItem.getByText("Got it right (facility)")).toBeVisible();
  await expect(firstItem.getByText("Tells strong from weak (discrimination)")).toBeVisible();
  // An index of the questions, each jumping to its analysis.
  const index = page.getByRole("navigation", { name: "Questions" });
  await expect(index.getByRole("link")).toHaveCount(await page.locator("li.item").count());
  await index.getByRole("link").nth(2).click();
  await expect(page).toHaveURL(/#item-3$/);
  await expect(page.locator("li.item").nth(2)).toHaveAttribute("id", "item-3");
  await expect(firstItem.getByText(/Most common wrong answer:/)).toBeVisible();
  await expect(firstItem.getByRole("cell", { name: "Wrong" }).first()).toBeVisible();

  // Learning gain: this student went from their pre score to 100%, so their normalised gain is 1.
  await page.goto(`${classUrl}/gain`);
  const gainRow = page.locator(`tr[data-student="${email}"]`);
  await expect(gainRow.locator("td").nth(2)).toHaveText("100%");
  await expect(gainRow.locator("td").nth(4)).toHaveText("1.00");
  await expect(page.getByRole("img", { name: /Before and after the course/ })).toBeVisible();
  await expect(page.getByText("(normalised gain)").first()).toBeVisible();

  // CSV downloads: a header row, the student's rows, and the "=" name neutralised.
  await page.goto(classUrl);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "every answer (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("demo-class-responses.csv");
  const csv = (await (await download.createReadStream()).toArray()).join("").replace(/^\uFEFF/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("student,email,unit,quiz,kind,attempt,started at,submitted at,question,question version,prompt,answer,score,correct,time (s),review,review comment");
  const mine = lines.filter((l) => l.includes(email));
  expect(mine).toHaveLength(answersTaken);
  // The written answers, with the rubric level each was given.
  expect(mine.filter((l) => /,(Beginning|Emerging|Mastery),?/.test(l))).toHaveLength(3);
  expect(mine.every((l) => l.startsWith(`'${name},`))).toBe(true);

  const progress = await page.request.get(`${classUrl}/export/progress`);
  expect(progress.headers()["content-type"]).toContain("text/csv");
  const progressLines = (await progress.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(progressLines[0]).toMatch(/^student,email,pre-assessment status,pre-assessment best %,pre-assessment attempts,pre-assessment awaiting review,/);
  expect(progressLines.find((l) => l.includes(email))).toMatch(/,Passed,100,1,0/);
});

// Pages rendered per request (everything but the units, the home page, sign-in and sign-up):
// a prefetch of one brings back only its outline (decision 031), so no link to one prefetches.
const PER_REQUEST = /^\/(course|instructor|account|preview|admin)(\/|$)/;

test("no page an instructor opens prefetches a page rendered per request, and a tab still opens its page", async ({ page }) => {
  test.setTimeout(90_000);
  await signInAs(page, accounts.instructor);
  const classUrl = await demoClassUrl(page);
  await page.goto(`${classUrl}/roster`);
  const studentUrl = (await page.getByRole("row").nth(1).getByRole("link").first().getAttribute("href"))!;
  await page.goto(`${classUrl}/written`);
  const review = page.getByRole("link", { name: "Start with the oldest" });
  const reviewUrl = (await review.count()) ? await review.getAttribute("href") : null;
  expect(reviewUrl, "the demo class has written answers waiting").toBeTruthy();
  const pages = ["/", "/course", "/lessons/claims", "/account", "/instructor", ...["", "/items", "/gain", "/written", "/due-dates", "/roster", "/join"].map((t) => classUrl + t), studentUrl, reviewUrl!];

  const asked: string[] = [];
  page.on("request", (r) => {
    // The App Router's prefetches and navigations ask for a page's RSC payload (?_rsc=…).
    const url = new URL(r.url());
    if (url.searchParams.has("_rsc") && PER_REQUEST.test(url.pathname)) asked.push(`${url.pathname} (from ${new URL(page.url()).pathname})`);
  });
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    // Every link comes into view once: a viewport at a time, down to the end of the page.
    for (let y = 0, end = await page.evaluate(() => document.body.scrollHeight); y < end; y += 600) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(50);
    }
    await page.waitForTimeout(300);
  }
  expect(asked).toEqual([]);

  // The links still work: a class tab opens its page without a full load.
  await page.goto(`${classUrl}/due-dates`);
  const tabs = page.getByRole("navigation", { name: "Class pages" }).getByRole("link");
  await expect(tabs).toHaveCount(6);
  await tabs.filter({ hasText: "Item analysis" }).click();
  await expect(page).toHaveURL(`${classUrl}/items`);
  await expect(page.getByRole("link", { name: "Item analysis" })).toHaveAttribute("aria-current", "page");
});

test("an instructor is refused another class's pages, exports and students", async ({ page }) => {
  await signInAs(page, accounts.otherInstructor);
  await page.goto("/instructor");
  const otherClass = (await page.getByRole("link", { name: "Other class" }).getAttribute("href"))!;
  await page.goto(`${otherClass}/roster`);
  const otherStudentUrl = (await page.getByRole("link", { name: "Other Student" }).getAttribute("href"))!;
  const otherStudentId = otherStudentUrl.split("/").pop()!;

  await signInAs(page, accounts.instructor);
  const demo = await demoClassUrl(page);
  for (const path of ["", "/items", "/gain", "/roster", `/students/${otherStudentId}`]) {
    const res = await page.goto(`${otherClass}${path}`);
    expect(res?.status(), `${otherClass}${path}`).toBe(403);
    await expect(page.getByText("Other Student")).toHaveCount(0);
  }
  // A foreign student inside one's own class URL is refused too.
  expect((await page.goto(`${demo}/students/${otherStudentId}`))?.status()).toBe(403);
  for (const report of ["progress", "responses"]) {
    const res = await page.request.get(`${otherClass}/export/${report}`);
    expect(res.status()).toBe(403);
    expect(await res.text()).not.toContain("other-student");
  }
});

test("students and anonymous visitors cannot reach reports or exports", async ({ page }) => {
  await signInAs(page, accounts.instructor);
  const demo = await demoClassUrl(page);
  await page.context().clearCookies();
  // Anonymous: sent to sign in before the route runs (proxy.ts); the route itself would say 401.
  const anonymous = await page.request.get(`${demo}/export/responses`, { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/signin");

  await signInAs(page, accounts.student);
  for (const path of ["", "/items", "/gain", "/roster"]) expect((await page.goto(`${demo}${path}`))?.status()).toBe(403);
  expect((await page.request.get(`${demo}/export/responses`)).status()).toBe(403);
  expect((await page.request.get(`${demo}/export/progress`)).status()).toBe(403);
});

test("the class progress page prefetches none of its links while it loads, and its sort and join links still work", async ({ page }) => {
  await signInAs(page, accounts.instructor);
  const classUrl = await demoClassUrl(page);
  const classPath = new URL(classUrl, page.url()).pathname;
  await page.goto(classUrl, { waitUntil: "commit" });
  const asked: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.searchParams.has("_rsc")) asked.push(url.pathname + url.search);
  });
  await page.waitForLoadState("networkidle");
  // Every link of the page in view in turn (the sort links, Clear, the join link): none prefetched.
  await page.getByRole("link", { name: "Clear" }).scrollIntoViewIfNeeded();
  await page.getByRole("region", { name: "Progress grid" }).scrollIntoViewIfNeeded();
  await page.waitForLoadState("networkidle");
  expect(asked.filter((p) => p.startsWith(classPath))).toEqual([]);
  // Sorting still works: by the number of units passed.
  await page.getByRole("columnheader", { name: "Passed" }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=progress/);
  await expect(page.getByRole("columnheader", { name: "Passed" })).toHaveAttribute("aria-sort", "ascending");
  await page.getByRole("link", { name: "show it to the room" }).click();
  await expect(page).toHaveURL(`${classUrl}/join`);
});
