// A student: joins a class, reads a unit, takes its quiz, sees feedback and progress.
import { expect, test } from "@playwright/test";
import { JOIN_CODE, PASSWORD, accounts, allRightResult, answerQuiz, axeViolations, getCourseForTests, gradedQuiz, signInAs, signUpStudent, uniqueEmail } from "./fixtures";

test("a new student joins with the demo join code, takes the unit 1 quiz and sees feedback", async ({ page }) => {
  const email = uniqueEmail("newstudent");
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Jordan New");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Class join code").fill(JOIN_CODE);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/course$/);
  await expect(page.getByRole("heading", { name: "Your course" })).toBeVisible();

  await page.getByRole("link", { name: /Lone wolf/ }).click();
  await expect(page).toHaveURL(/\/lessons\/lone-wolf$/);
  const quiz = await gradedQuiz("lone-wolf");
  await answerQuiz(page, quiz, true);
  await page.locator(`[data-quiz-id="${quiz.id}"]`).getByRole("button", { name: "Submit answers" }).click();

  const result = page.locator(`[data-quiz-id="${quiz.id}"] .quiz__result h3`);
  await expect(result).toHaveText(allRightResult(quiz));
  await expect(result).toHaveText(/^Attempt 1: /);
  await expect(result).toBeFocused();
  await expect(page.locator(`[data-quiz-id="${quiz.id}"] .feedback`)).toHaveCount(quiz.questions.length);
  await expect(page.locator(`[data-quiz-id="${quiz.id}"] .feedback__verdict`).first()).toHaveText("Correct");

  await page.goto("/course");
  await expect(page.locator(".unit-card", { hasText: "Lone wolf" }).locator(".status")).toHaveText("Passed");
});

test("sign-up refuses bad input with a clear message on the form", async ({ page }) => {
  await page.goto("/signup");
  const submit = page.getByRole("button", { name: "Create account" });

  await submit.click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Enter the join code your instructor gave you.")).toBeVisible();

  await page.getByLabel("Your name").fill("Casey");
  await page.getByLabel("Email").fill(uniqueEmail("casey"));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Class join code").fill("ZZZZ-9999");
  await submit.click();
  await expect(page.getByText("No class has that join code.")).toBeVisible();

  await page.getByLabel("Email").fill(accounts.student);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByLabel("Class join code").fill(JOIN_CODE);
  await submit.click();
  await expect(page.getByText("An account with this email already exists.")).toBeVisible();

  // Over-long input, sent past the browser's maxlength: the server still refuses it cleanly.
  await page.getByLabel("Your name").evaluate((el) => el.removeAttribute("maxlength"));
  await page.getByLabel("Your name").fill("x".repeat(500));
  await page.getByLabel("Password").fill(PASSWORD);
  await submit.click();
  await expect(page.getByText("A name can be at most 80 characters.")).toBeVisible();

  await page.getByLabel("Your name").fill("Casey");
  await page.getByLabel("Password").fill("short");
  await submit.click();
  await expect(page.getByText("A password needs at least 8 characters.")).toBeVisible();
});

test("a wrong password gives a clear message, not an error page", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(accounts.student);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /do not match an account/ })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("a student signs in with the form and signs out", async ({ page }) => {
  // An account of its own: signing out ends the user's sessions everywhere.
  const email = uniqueEmail("signout");
  expect((await page.request.post("/api/signup", { data: { name: "Sign Out", email, password: PASSWORD, joinCode: JOIN_CODE } })).status()).toBe(201);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/course$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/course");
  await expect(page).toHaveURL(/\/signin/);
});

test("a double-click on submit stores exactly one attempt", async ({ page }) => {
  await signInAs(page, accounts.student2);
  await page.goto("/lessons/claims");
  const quiz = await gradedQuiz("claims");
  const status = async () =>
    (await (await page.request.get(`/api/quiz-status?lesson=claims&quiz=${quiz.id}`)).json()) as { attemptsUsed: number };
  const before = (await status()).attemptsUsed;
  await answerQuiz(page, quiz, true);
  await page.locator(`[data-quiz-id="${quiz.id}"]`).getByRole("button", { name: "Submit answers" }).dblclick();
  await expect(page.locator(`[data-quiz-id="${quiz.id}"] .quiz__result h3`)).toHaveText(new RegExp(`Attempt ${before + 1}:`));
  expect((await status()).attemptsUsed).toBe(before + 1);
});

test("a signed-in student: no Teach in the header, and the home page offers Continue, not Sign in", async ({ page }) => {
  await signInAs(page, accounts.student2);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Teach" })).toHaveCount(0);
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: /^(Your course|Continue the course)$/ })).toHaveAttribute("href", "/course");
  await expect(main.getByRole("link", { name: "Sign in" })).toHaveCount(0);
  await expect(main.getByRole("link", { name: "Join your class" })).toHaveCount(0);
});

test("on a phone the header is one row: the name and a Menu that opens the links, by keyboard too", async ({ browser }) => {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAs(page, accounts.student2);
  await page.goto("/course");
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const header = (await page.locator(".site-header").boundingBox())!;
  const brand = (await page.getByRole("link", { name: "Behind the Headline" }).boundingBox())!;
  const button = (await menu.boundingBox())!;
  // One row: the name and the button side by side, and the header no taller than the button and its padding.
  expect(Math.abs(brand.y + brand.height / 2 - (button.y + button.height / 2))).toBeLessThan(4);
  expect(header.height).toBeLessThan(button.height + 24);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Account" })).toBeHidden();

  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Course" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(await axeViolations(page), "axe with the menu open").toEqual([]);
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await expect(nav.getByRole("link", { name: "Account" })).toBeHidden();

  await menu.click();
  await nav.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  // Wide screens have no Menu button: the links are in the header.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(menu).toBeHidden();
  await expect(nav.getByRole("link", { name: "Account" })).toBeVisible();
});

test("a visitor's home page offers joining and signing in, and the header no Teach or Account", async ({ page }) => {
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Join your class" })).toBeVisible();
  await expect(main.getByRole("link", { name: "Sign in" })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Course" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Teach" })).toHaveCount(0);
  await expect(nav.getByRole("link", { name: "Account" })).toHaveCount(0);
});

test("the course page and the home page continue with the unit a student opened and did not finish", async ({ page }) => {
  await signUpAndOpen(page);
  await page.goto("/course");
  await expect(page.getByRole("link", { name: /^Continue: “ISIS claimed responsibility”/ })).toHaveAttribute("href", "/lessons/claims");
  await page.goto("/");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: /^Continue: “ISIS claimed responsibility”/ })).toHaveAttribute("href", "/lessons/claims");
  await expect(main.getByRole("link", { name: "Your course" })).toHaveAttribute("href", "/course");
});

/** A new student who opens unit 2 (the page tells /api/progress, which marks it started) and leaves. */
async function signUpAndOpen(page: import("@playwright/test").Page) {
  await signUpStudent(page, "Half Way");
  await expect(page.getByRole("link", { name: "Start the course" })).toHaveAttribute("href", "/lessons/pre-assessment");
  const marked = page.waitForResponse((r) => r.url().endsWith("/api/progress"));
  await page.goto("/lessons/claims");
  expect((await marked).ok()).toBe(true);
}

test("a unit's contents list jumps to each section and counts the sections read, kept across a reload", async ({ page }) => {
  await signUpStudent(page, "Contents Reader");
  await page.goto("/lessons/claims");
  const { lessons } = await getCourseForTests();
  const sections = lessons.find((l) => l.slug === "claims")!.headings;
  expect(sections.length).toBeGreaterThan(3);
  const contents = page.getByRole("navigation", { name: "In this unit" });
  // Closed at first (the content note comes first); open, it lists every section and the quiz.
  await contents.getByText(/^In this unit/).click();
  await expect(contents.getByRole("link")).toHaveCount(sections.length + 1);
  await expect(contents).toContainText(`0 of ${sections.length} sections read`);
  // A jump link lands on its section.
  await contents.getByRole("link", { name: sections[1].text, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`#${sections[1].id}$`));
  await expect(page.locator(`h2#${sections[1].id}`)).toBeInViewport();
  // Reading to the end marks every section.
  await page.locator("#quiz").scrollIntoViewIfNeeded();
  await page.mouse.wheel(0, 20_000);
  await expect(contents).toContainText(`${sections.length} of ${sections.length} sections read`);
  await expect(contents.getByText("(read)")).toHaveCount(sections.length);
  await page.reload();
  await expect(contents).toContainText(`${sections.length} of ${sections.length} sections read`);
  // Another student on this browser starts from nothing.
  await signUpStudent(page, "Second Reader");
  await page.goto("/lessons/claims");
  await expect(contents).toContainText(`0 of ${sections.length} sections read`);
});

test("a unit's quizzes load when the student comes near them or uses the page, not during the page's load", async ({ page }) => {
  await signUpStudent(page, "Lazy Reader");
  const statusRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/quiz-status")) statusRequests.push(r.url());
  });
  await page.goto("/lessons/claims");
  await page.waitForLoadState("networkidle");
  // Both of this unit's quizzes are several screens down: nothing asked for yet.
  const quizzes = page.locator("section.quiz");
  await expect(quizzes).toHaveCount(2);
  expect(statusRequests).toEqual([]);
  await expect(page.locator('section.quiz[aria-busy="true"]')).toHaveCount(2);
  // Scrolled near, the graded quiz loads (and so does the practice one: the scroll is use of the page).
  const graded = page.locator("section.quiz:not(.quiz--practice)");
  await graded.scrollIntoViewIfNeeded();
  await expect(graded).toHaveAttribute("aria-busy", "false");
  await expect(graded.getByRole("button", { name: "Submit answers" })).toBeVisible();
  // By keyboard: the first key press loads every quiz on the page, before focus could reach one.
  statusRequests.length = 0;
  await page.goto("/lessons/claims");
  await page.waitForLoadState("networkidle");
  expect(statusRequests).toEqual([]);
  await page.keyboard.press("Tab");
  await expect(page.locator('section.quiz[aria-busy="true"]')).toHaveCount(0);
  expect(statusRequests).toHaveLength(2);
});

test("a unit ends with the sources it draws on, linking to the originals that have an address", async ({ page }) => {
  await signUpStudent(page, "Source Reader");
  await page.goto("/lessons/lone-wolf");
  const sources = page.getByRole("region", { name: "Sources this unit draws on" });
  await expect(sources.getByRole("listitem")).toHaveCount(9);
  const paper = sources.getByRole("link", { name: /End of the Lone Wolf/ });
  await expect(paper).toHaveAttribute("href", "https://doi.org/10.1080/1057610X.2017.1419554");
  await expect(paper).toHaveAccessibleName(/the original, on another site/);
  // The seeds are copies kept in the course: listed, not linked.
  await expect(sources.getByRole("listitem").filter({ hasText: "NPR" })).toHaveCount(1);
  await expect(sources.getByRole("listitem").filter({ hasText: "NPR" }).getByRole("link")).toHaveCount(0);
});

test("a signed-in student's pages do not load the sign-in form's script", async ({ page }) => {
  // Only the 401 page shows the form (e2e/security.spec.ts signs in there); the pages of someone
  // signed in must not download and run it. A string only the form's script holds:
  const FORM_TEXT = "do not match an account";
  const scripts: Promise<string>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") scripts.push(r.text().catch(() => ""));
  });
  await signInAs(page, accounts.student);
  for (const path of ["/course", "/lessons/claims", "/account"]) {
    scripts.length = 0;
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const bodies = await Promise.all(scripts);
    expect(bodies.length, `scripts on ${path}`).toBeGreaterThan(0);
    expect(bodies.filter((b) => b.includes(FORM_TEXT)).length, `the sign-in form's script on ${path}`).toBe(0);
  }
});
