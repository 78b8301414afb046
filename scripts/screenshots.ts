// `npm run screenshots`: pictures of the app as each kind of user sees it, taken from the
// running production build on a throwaway copy of the demo data, at a desktop size (1280×800)
// and a phone size (390×844), into docs/screenshots/ (the README shows some of them). Run it
// after changing a page, and look at the pictures: a page that passes axe can still be hard
// to use. Each picture is the first screen of the page. Uses the same Chromium as the browser tests (CHROMIUM_PATH, default Debian's).
//   SCREENSHOTS_PORT (3281)  SCREENSHOTS_ONLY=name,name (just those pictures)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo.mjs";
import { checkNode, root, say } from "./lib/bootstrap.mjs";
import { checkChromium } from "./lib/test-env.mjs";
import { scratchDatabase, signIn, startServer } from "./bench/server.mjs";

/** `before` runs once, before the shot's pictures (to put data in place: it gets a signed-in cookie maker). */
type Shot = {
  name: string;
  as: string | null;
  path: string;
  ready?: (page: Page) => Promise<void>;
  before?: (cookieOf: (email: string) => Promise<string>) => Promise<void>;
  /** The system's colour scheme (light unless said). */
  scheme?: "dark";
};

const STUDENT = "student2@example.org";
const INSTRUCTOR = "instructor@example.org";

/** A written answer from the demo student, through the same route a browser uses. */
async function submitWrittenAnswer(base: string, cookie: string) {
  const state = (await (await fetch(`${base}/api/quiz-status?lesson=claims&quiz=claims-quiz`, { headers: { cookie } })).json()) as {
    quiz: { questions: { id: string; type: string }[] };
  };
  const written = state.quiz.questions.find((q) => q.type === "written");
  if (!written) throw new Error("The claims quiz has no written question.");
  const text = "FBI Director James Comey said in December 2015 that one gunman exchanged 109 messages with an overseas terrorist; reporters later named him.";
  const res = await fetch(`${base}/api/attempts`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json", origin: base },
    body: JSON.stringify({ lessonSlug: "claims", quizId: "claims-quiz", submissionKey: `screenshots-${Date.now()}`, answers: { [written.id]: { text } } }),
  });
  if (!res.ok) throw new Error(`The written answer was not stored: HTTP ${res.status} ${await res.text()}`);
}

const openWrittenAnswer = async (page: Page) => {
  await page.getByRole("link", { name: "Demo class" }).click();
  await page.getByRole("link", { name: "Written answers" }).click();
  await page.getByRole("link", { name: "Start with the oldest" }).click();
  await page.locator(".review__text").waitFor();
};

const quizLoaded = async (page: Page) => {
  await page.locator('section.quiz[aria-busy="false"]').first().waitFor();
};

// Who sees what: a visitor, a student, the demo instructor, an author.
const SHOTS: Shot[] = [
  { name: "home-visitor", as: null, path: "/" },
  { name: "home-student", as: "student2@example.org", path: "/" },
  { name: "course-student", as: "student2@example.org", path: "/course" },
  { name: "unit-student", as: "student2@example.org", path: "/lessons/claims", ready: quizLoaded },
  {
    name: "unit-contents-student",
    as: "student2@example.org",
    path: "/lessons/claims",
    ready: async (page) => {
      await page.getByRole("navigation", { name: "In this unit" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  },
  {
    name: "unit-sources-student",
    as: "student2@example.org",
    path: "/lessons/lone-wolf",
    ready: async (page) => {
      await page.getByRole("heading", { name: "Sources this unit draws on" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  },
  {
    name: "header-menu-student",
    as: STUDENT,
    path: "/course",
    // On a phone the header's links are behind its Menu button: opened here.
    ready: async (page) => {
      const menu = page.getByRole("button", { name: "Menu" });
      if (await menu.isVisible()) await menu.click();
    },
  },
  { name: "unit-student-dark", as: "student2@example.org", path: "/lessons/claims", ready: quizLoaded, scheme: "dark" },
  { name: "classes-instructor", as: "instructor@example.org", path: "/instructor" },
  {
    name: "join-code-instructor",
    as: "instructor@example.org",
    path: "/instructor",
    ready: async (page) => {
      await page.getByRole("link", { name: "Demo class" }).click();
      await page.getByRole("link", { name: "show it to the room" }).click();
      await page.locator(".join-code__code").waitFor();
    },
  },
  {
    name: "class-progress-instructor",
    as: INSTRUCTOR,
    path: "/instructor",
    ready: async (page) => {
      await page.getByRole("link", { name: "Demo class" }).click();
      await page.getByRole("heading", { name: "Who needs help" }).waitFor();
    },
  },
  {
    name: "class-progress-instructor-dark",
    as: INSTRUCTOR,
    path: "/instructor",
    scheme: "dark",
    ready: async (page) => {
      await page.getByRole("link", { name: "Demo class" }).click();
      await page.getByRole("img", { name: /Progress in each unit/ }).scrollIntoViewIfNeeded();
    },
  },
  {
    name: "class-grid-instructor",
    as: INSTRUCTOR,
    path: "/instructor",
    ready: async (page) => {
      await page.getByRole("link", { name: "Demo class" }).click();
      await page.getByRole("heading", { name: "Students" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  },
  {
    name: "due-dates-instructor",
    as: INSTRUCTOR,
    path: "/instructor",
    ready: async (page) => {
      await page.getByRole("link", { name: "Demo class" }).click();
      await page.getByRole("link", { name: "Due dates" }).click();
      await page.getByRole("button", { name: "Save due dates" }).waitFor();
    },
  },
  { name: "units-author", as: "author@example.org", path: "/preview" },
  // Hands-on tasks: who is behind an outlet (unit 2), which search result to open first (unit 3).
  {
    name: "investigation-student",
    as: STUDENT,
    path: "/lessons/claims",
    ready: async (page) => {
      const summaries = page.locator("details.profile summary");
      await summaries.nth(1).click();
      await page.locator(".investigation").scrollIntoViewIfNeeded();
      await summaries.first().scrollIntoViewIfNeeded();
    },
  },
  {
    name: "search-student",
    as: "student1@example.org",
    path: "/lessons/sources",
    ready: async (page) => {
      await quizLoaded(page);
      const serp = page.locator('[data-question-type="search"]');
      await serp.locator(".serp__title").nth(1).click();
      await serp.locator(".serp__query").scrollIntoViewIfNeeded();
      await serp.locator(".serp__query").evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  },
  // Written answers: the student's answer waits, the instructor scores it, the student reads the score.
  {
    name: "written-queue-instructor",
    as: INSTRUCTOR,
    path: "/instructor",
    before: async (cookieOf) => submitWrittenAnswer(server.base, await cookieOf(STUDENT)),
    ready: async (page) => {
      await page.getByRole("link", { name: "Demo class" }).click();
      await page.getByRole("link", { name: "Written answers" }).click();
      await page.getByRole("heading", { name: /wait for review|waits for review/ }).waitFor();
    },
  },
  { name: "written-answer-instructor", as: INSTRUCTOR, path: "/instructor", ready: openWrittenAnswer },
  {
    name: "written-feedback-student",
    as: STUDENT,
    path: "/lessons/claims",
    before: async (cookieOf) => {
      const context = await browser.newContext({ baseURL: server.base });
      const [name, ...value] = (await cookieOf(INSTRUCTOR)).split("=");
      await context.addCookies([{ name, value: value.join("="), url: server.base }]);
      const page = await context.newPage();
      await page.goto("/instructor");
      // Alex Student's own answer (the queue starts with the demo class's older ones).
      await page.getByRole("link", { name: "Demo class" }).click();
      await page.getByRole("link", { name: "Written answers" }).click();
      await page.getByRole("link", { name: "Alex Student" }).first().click();
      await page.locator(".review__text").waitFor();
      await page.getByRole("radio").nth(1).check();
      await page.getByLabel("Comment for the student (optional)").fill("You attributed the figure: now say that the name came from reporters, not from Comey.");
      const scoring = page.url();
      await page.getByRole("button", { name: "Save and next" }).click();
      // Saved: on to the next answer waiting, or back to the list when none is left.
      await page.waitForURL((url) => url.href !== scoring);
      await context.close();
    },
    ready: async (page) => {
      await quizLoaded(page);
      await page.locator(".feedback--partial, .feedback--correct, .feedback--wrong").last().scrollIntoViewIfNeeded();
      await page.getByText("Scored by your instructor").scrollIntoViewIfNeeded();
    },
  },
];

const SIZES = [
  { label: "desktop", viewport: { width: 1280, height: 800 } },
  { label: "phone", viewport: { width: 390, height: 844 } },
];

checkNode();
const only = process.env.SCREENSHOTS_ONLY?.split(",");
const port = Number(process.env.SCREENSHOTS_PORT ?? 3281);
const out = path.join(root, "docs", "screenshots");
mkdirSync(out, { recursive: true });
const db = scratchDatabase();
const server = await startServer({ port, databaseUrl: db.url });
const browser = await chromium.launch({ executablePath: checkChromium() });
try {
  const cookies = new Map<string, string>();
  const cookieOf = async (email: string) => {
    if (!cookies.has(email)) cookies.set(email, await signIn(server.base, email, DEMO_PASSWORD));
    return cookies.get(email)!;
  };
  for (const shot of SHOTS.filter((s) => !only || only.includes(s.name))) {
    await shot.before?.(cookieOf);
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size.viewport, baseURL: server.base, colorScheme: shot.scheme ?? "light" });
      if (shot.as) {
        const [name, ...value] = (await cookieOf(shot.as)).split("=");
        await context.addCookies([{ name, value: value.join("="), url: server.base }]);
      }
      const page = await context.newPage();
      await page.goto(shot.path);
      await page.locator("main h1").first().waitFor();
      await shot.ready?.(page);
      // The header's role links come from /api/me after the page loads.
      await page.waitForLoadState("networkidle");
      const file = path.join(out, `${shot.name}-${size.label}.png`);
      await page.screenshot({ path: file });
      say(`${path.relative(root, file)}`);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
  db.cleanup();
}
