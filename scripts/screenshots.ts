// `npm run screenshots`: pictures of the app as each kind of user sees it, taken from the
// running production build on a throwaway copy of the demo data, at a desktop size (1280×800)
// and a phone size (390×844), into docs/screenshots/ (the README shows some of them). Run it
// after changing a page, and look at the pictures: a page that passes axe can still be hard
// to use. Each picture is the first screen of the page. Uses the same Chromium as the browser tests (CHROMIUM_PATH, default Debian's).
// The LTI pages (last in the list) need an LMS: the demo class is linked to a made-up one
// (linkDemoClassToLms), written straight into the scratch database, so no platform is running.
//   SCREENSHOTS_PORT (3281)  SCREENSHOTS_ONLY=name,name (just those pictures)
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../prisma/demo.mjs";
import { DEMO_STUDENT_DOMAIN } from "../prisma/demo-class";
import { createPrismaClient } from "../server/prisma-client";
import { newRequestId, signDeepLinkRequest } from "../server/lti/deep-link";
import { checkNode, root, say } from "./lib/bootstrap.mjs";
import { checkChromium } from "./lib/test-env.mjs";
import { SECRET, scratchDatabase, signIn, startServer } from "./bench/server.mjs";

/** `before` runs once, before the shot's pictures (to put data in place: it gets a signed-in cookie maker). */
type Shot = {
  name: string;
  as: string | null;
  /** Where the pictures start; a function when it is known only after `before`. */
  path: string | (() => string);
  ready?: (page: Page) => Promise<void>;
  before?: (cookieOf: (email: string) => Promise<string>) => Promise<void>;
  /** The system's colour scheme (light unless said). */
  scheme?: "dark";
};

const STUDENT = "student2@example.org";
const INSTRUCTOR = "instructor@example.org";
const ADMIN = "admin@example.org";

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

// A made-up LMS (a district's Canvas) and the demo class as one of its courses: the platform
// and its deployment, the course link (with its roster service and a sync two days ago), the
// LMS accounts of the class's demo students, one graded link (line item) per unit they worked
// on, and the newest score of each in every state the page shows: sent, waiting for another
// try, failed. Scores are the students' real best attempts; the score sender in the server
// never touches them (none is due: the waiting ones' next try is minutes away).
const LMS = {
  name: "Northfield District Canvas",
  issuer: "https://lms.example.edu",
  clientId: "10000000000042",
  deploymentId: "42:8865aa05b4b79b64a91a86042e43af5ea8ae79eb",
  courseId: "4521",
};
/** What the LTI shots need to know once the data is in place. */
const lms = { classId: "", deepLinkPath: "" };

async function linkDemoClassToLms() {
  if (lms.classId) return; // once, for every LTI shot
  const prisma = createPrismaClient(db.url);
  try {
    const now = Date.now();
    const minutes = (n: number) => new Date(now + n * 60_000);
    const instructor = await prisma.user.findUniqueOrThrow({ where: { email: INSTRUCTOR }, select: { id: true, sessionVersion: true } });
    const klass = await prisma.class.findFirstOrThrow({ where: { name: "Demo class", instructorId: instructor.id }, select: { id: true } });
    const platform = await prisma.ltiPlatform.create({
      data: {
        name: LMS.name,
        issuer: LMS.issuer,
        clientId: LMS.clientId,
        authUrl: `${LMS.issuer}/api/lti/authorize_redirect`,
        tokenUrl: `${LMS.issuer}/login/oauth2/token`,
        jwksUrl: `${LMS.issuer}/api/lti/security/jwks`,
        deployments: { create: { deploymentId: LMS.deploymentId } },
      },
      select: { id: true },
    });
    await prisma.ltiContextLink.create({
      data: {
        issuer: LMS.issuer,
        deploymentId: LMS.deploymentId,
        contextId: LMS.courseId,
        classId: klass.id,
        membershipsUrl: `${LMS.issuer}/api/lti/courses/${LMS.courseId}/names_and_roles`,
        platformId: platform.id,
        rosterSyncedAt: minutes(-2 * 24 * 60),
        rosterSyncOk: true,
        rosterSyncNote: "2 added, 0 removed, 24 unchanged.",
      },
    });

    // The demo students (not student1/student2, who joined with the code), in name order.
    const students = await prisma.user.findMany({
      where: { email: { endsWith: `@${DEMO_STUDENT_DOMAIN}` }, enrollments: { some: { classId: klass.id } } },
      orderBy: { name: "asc" },
      select: { id: true },
    });
    for (const [i, s] of students.entries()) await prisma.ltiUserLink.create({ data: { issuer: LMS.issuer, sub: `canvas-user-${7301 + i}`, userId: s.id } });
    const subOf = new Map(students.map((s, i) => [s.id, `canvas-user-${7301 + i}`]));

    // Each student's best unit attempt per unit (as server/lti/ags-store.ts sends it), for the
    // first seven students who have any (the seventh has a written answer waiting: PendingManual).
    const best = await prisma.quizAttempt.groupBy({
      by: ["userId", "lessonSlug"],
      where: { kind: "unit", userId: { in: students.map((s) => s.id) } },
      _max: { fraction: true, pendingCount: true, submittedAt: true },
    });
    const order = new Map(students.map((s, i) => [s.id, i]));
    const who = [...new Set(best.map((b) => b.userId))].sort((a, b) => order.get(a)! - order.get(b)!).slice(0, 7);
    const rows = best.filter((b) => who.includes(b.userId)).sort((a, b) => order.get(a.userId)! - order.get(b.userId)! || a.lessonSlug.localeCompare(b.lessonSlug));

    // One gradebook column (line item) per unit, shared by the students.
    const units = [...new Set(rows.map((r) => r.lessonSlug))].sort();

    // Which rows did not simply arrive (by their place on the page): two wait, two failed.
    const waiting: Record<number, { tries: number; lastError: string }> = {
      2: { tries: 3, lastError: "The platform did not answer the score within 10 s." },
      7: { tries: 1, lastError: "The platform refused the access token: HTTP 503 Service Unavailable" },
    };
    const failed: Record<number, string> = {
      4: 'The platform refused the score: HTTP 422 {"errors":[{"message":"User is not enrolled in the course or is not a student"}]}',
      9: "Score: could not connect (fetch failed) (gave up after 8 tries)",
    };
    for (const [i, b] of rows.entries()) {
      const at = b._max.submittedAt!;
      const item = await prisma.ltiLineItem.create({
        data: {
          platformId: platform.id,
          userId: b.userId,
          classId: klass.id,
          userSub: subOf.get(b.userId)!,
          resourceLinkId: `canvas-link-${b.lessonSlug}`,
          lessonSlug: b.lessonSlug,
          lineItemUrl: `${LMS.issuer}/api/lti/courses/${LMS.courseId}/line_items/${301 + units.indexOf(b.lessonSlug)}`,
          scopes: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem https://purl.imsglobal.org/spec/lti-ags/scope/score",
        },
        select: { id: true, lineItemUrl: true },
      });
      const wait = waiting[i];
      await prisma.ltiScoreOutbox.create({
        data: {
          id: `screenshots-${i}`,
          key: `screenshots-${i}`,
          lineItemId: item.id,
          platformId: platform.id,
          userId: b.userId,
          lineItemUrl: item.lineItemUrl,
          userSub: subOf.get(b.userId)!,
          lessonSlug: b.lessonSlug,
          scoreGiven: (b._max.fraction ?? 0) * 100,
          scoreMaximum: 100,
          activityProgress: "Completed",
          gradingProgress: b._max.pendingCount ? "PendingManual" : "FullyGraded",
          timestamp: at,
          createdAt: at,
          ...(wait
            ? { status: "pending", attempts: wait.tries, lastError: wait.lastError, nextTryAt: minutes(8) }
            : failed[i]
              ? { status: "failed", attempts: failed[i].includes("gave up") ? 8 : 1, lastError: failed[i], nextTryAt: at }
              : { status: "sent", attempts: 1, sentAt: new Date(at.getTime() + 2_000), nextTryAt: at }),
        },
      });
    }

    // The deep linking picker's request, signed as the launch would sign it (server/lti/deep-link-response.ts)
    // with the server's secret: the picker checks the signature, not the LMS.
    process.env.NEXTAUTH_SECRET = SECRET;
    const request = signDeepLinkRequest(
      { id: newRequestId(), platformId: platform.id, deploymentId: LMS.deploymentId, returnUrl: `${LMS.issuer}/courses/${LMS.courseId}/deep_linking_response`, acceptMultiple: true, newWindow: true },
      instructor,
      Math.floor(now / 1000) + 30 * 60,
    );
    lms.deepLinkPath = `/instructor/lti/deep-link?request=${encodeURIComponent(request)}`;
    lms.classId = klass.id;
  } finally {
    await prisma.$disconnect();
  }
}

/** A unit's quizzes load at the student's first key press (components/quiz/QuizForm.tsx): Shift moves nothing on screen. */
const quizLoaded = async (page: Page) => {
  await page.waitForLoadState("networkidle"); // the page's scripts are running
  await page.keyboard.press("Shift");
  await page.locator('section.quiz[aria-busy="false"]').first().waitFor();
};

// Who sees what: a visitor, a student, the demo instructor, an author, an admin.
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
  // LTI: the admin's setup page, and a class made by an LMS course: its grades sent, its roster
  // (with the student table, for all classes), the unit picker (linkDemoClassToLms: last, so
  // that the shots above see the demo class as it is seeded).
  { name: "lti-setup-admin", as: ADMIN, path: "/admin/lti", before: linkDemoClassToLms },
  {
    name: "lti-platforms-admin",
    as: ADMIN,
    path: "/admin/lti",
    before: linkDemoClassToLms,
    ready: async (page) => {
      await page.getByRole("heading", { name: "Registered platforms" }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  },
  {
    name: "lms-grades-instructor",
    as: INSTRUCTOR,
    path: () => `/instructor/classes/${lms.classId}/lms-grades`,
    before: linkDemoClassToLms,
    // From the count of scores: the first students' rows, a waiting and a failed one among them.
    ready: async (page) => {
      await page.getByText(/^\d+ scores:/).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  },
  { name: "lms-roster-instructor", as: INSTRUCTOR, path: () => `/instructor/classes/${lms.classId}/roster`, before: linkDemoClassToLms },
  {
    name: "roster-students-instructor",
    as: INSTRUCTOR,
    path: () => `/instructor/classes/${lms.classId}/roster`,
    before: linkDemoClassToLms,
    ready: async (page) => {
      await page.getByRole("heading", { name: /^Students/ }).evaluate((el) => el.scrollIntoView({ block: "start" }));
    },
  },
  { name: "deep-link-instructor", as: INSTRUCTOR, path: () => lms.deepLinkPath, before: linkDemoClassToLms },
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
      await page.goto(typeof shot.path === "string" ? shot.path : shot.path());
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
