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

type Shot = { name: string; as: string | null; path: string; ready?: (page: Page) => Promise<void> };

const quizLoaded = async (page: Page) => {
  await page.locator('section.quiz[aria-busy="false"]').first().waitFor();
};

// Who sees what: a visitor, a student, the demo instructor, an author.
const SHOTS: Shot[] = [
  { name: "home-visitor", as: null, path: "/" },
  { name: "home-student", as: "student2@example.org", path: "/" },
  { name: "course-student", as: "student2@example.org", path: "/course" },
  { name: "unit-student", as: "student2@example.org", path: "/lessons/claims", ready: quizLoaded },
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
  { name: "units-author", as: "author@example.org", path: "/preview" },
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
  for (const shot of SHOTS.filter((s) => !only || only.includes(s.name))) {
    for (const size of SIZES) {
      const context = await browser.newContext({ viewport: size.viewport, baseURL: server.base });
      if (shot.as) {
        if (!cookies.has(shot.as)) cookies.set(shot.as, await signIn(server.base, shot.as, DEMO_PASSWORD));
        const [name, ...value] = cookies.get(shot.as)!.split("=");
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
