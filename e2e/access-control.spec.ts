// Who may do what, for every page and route handler, as every kind of visitor. The table below
// is the specification; the first test fails when a page or route exists that the table does
// not list (or the other way round), so a new route cannot ship without its rules, and the
// second fails when a route handler or page skips the one guarded path (server/http/route.ts,
// server/access.ts). Server actions are covered the same way, by calling them directly, in
// server/security/actions-access.test.ts.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { accounts, JOIN_CODE, PASSWORD, uniqueEmail } from "./fixtures";
import { testDb } from "./db";

const PERSONAS = ["anonymous", "student", "otherStudent", "instructor", "otherInstructor", "author", "admin"] as const;
type Persona = (typeof PERSONAS)[number];
/** ok = 2xx; signin = sent to sign in (pages) or 401 (API); forbidden = 403; notfound = 404; invalid = 400 (allowed, but the empty test body is refused). */
type Outcome = "ok" | "signin" | "forbidden" | "notfound" | "invalid";

type Ids = { demoClass: string; otherClass: string; student: string; otherStudent: string };
type Row = {
  /** The file, relative to app/, without route groups. */
  route: string;
  method: "GET" | "POST";
  path: (ids: Ids) => string;
  /** Sent with POST: always invalid, so an allowed request changes nothing. */
  body?: unknown;
  /** Sent with POST as an HTML form instead (the LTI endpoints an LMS posts to): always invalid too. */
  form?: Record<string, string>;
  expect: Record<Persona, Outcome>;
  /** For a visitor whose session was ended, when it differs from an anonymous one's (and why). */
  endedSession?: Outcome;
};

const everyone = (o: Outcome): Record<Persona, Outcome> => Object.fromEntries(PERSONAS.map((p) => [p, o])) as Record<Persona, Outcome>;
const signedIn = (o: Outcome, anonymous: Outcome = "signin") => ({ ...everyone(o), anonymous });
const teachers = (own: Outcome, others: Outcome) => ({ ...signedIn("forbidden"), instructor: own, otherInstructor: others, admin: own });

export const TABLE: Row[] = [
  { route: "page.tsx", method: "GET", path: () => "/", expect: everyone("ok") },
  { route: "signin/page.tsx", method: "GET", path: () => "/signin", expect: everyone("ok") },
  { route: "signup/page.tsx", method: "GET", path: () => "/signup", expect: everyone("ok") },
  { route: "course/page.tsx", method: "GET", path: () => "/course", expect: signedIn("ok") },
  // Prerendered: only proxy.ts guards it, from the cookie alone (no database), so an ended
  // session still reads the unit's text until the cookie expires; everything per-student on the
  // page comes from guarded routes, which refuse it.
  { route: "lessons/[slug]/page.tsx", method: "GET", path: () => "/lessons/lone-wolf", expect: signedIn("ok"), endedSession: "ok" },
  { route: "account/privacy/page.tsx", method: "GET", path: () => "/account/privacy", expect: signedIn("ok") },
  { route: "preview/page.tsx", method: "GET", path: () => "/preview", expect: { ...signedIn("forbidden"), author: "ok", admin: "ok" } },
  {
    route: "preview/[slug]/page.tsx",
    method: "GET",
    path: () => "/preview/lone-wolf",
    expect: { ...signedIn("forbidden"), author: "ok", admin: "ok" },
  },
  { route: "instructor/page.tsx", method: "GET", path: () => "/instructor", expect: { ...signedIn("forbidden"), instructor: "ok", otherInstructor: "ok", admin: "ok" } },
  { route: "instructor/classes/[classId]/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.demoClass}`, expect: teachers("ok", "forbidden") },
  // The same page with the other instructor's class: a foreign id.
  { route: "instructor/classes/[classId]/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.otherClass}`, expect: { ...teachers("forbidden", "ok"), admin: "ok" } },
  { route: "instructor/classes/[classId]/join/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.demoClass}/join`, expect: teachers("ok", "forbidden") },
  { route: "instructor/classes/[classId]/roster/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.demoClass}/roster`, expect: teachers("ok", "forbidden") },
  { route: "instructor/classes/[classId]/items/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.demoClass}/items`, expect: teachers("ok", "forbidden") },
  { route: "api/admin/cartridge/route.ts", method: "GET", path: () => "/api/admin/cartridge", expect: { ...signedIn("forbidden"), admin: "ok" } },
  { route: "instructor/classes/[classId]/written/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.demoClass}/written`, expect: teachers("ok", "forbidden") },
  { route: "instructor/classes/[classId]/due-dates/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.demoClass}/due-dates`, expect: teachers("ok", "forbidden") },
  { route: "instructor/classes/[classId]/lms-grades/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.demoClass}/lms-grades`, expect: teachers("ok", "forbidden") },
  {
    route: "instructor/classes/[classId]/lms-grades/page.tsx",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.otherClass}/lms-grades`,
    expect: { ...teachers("forbidden", "ok"), admin: "ok" },
  },
  {
    route: "instructor/classes/[classId]/due-dates/page.tsx",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.otherClass}/due-dates`,
    expect: { ...teachers("forbidden", "ok"), admin: "ok" },
  },
  {
    route: "instructor/classes/[classId]/written/page.tsx",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.otherClass}/written?names=hidden`,
    expect: { ...teachers("forbidden", "ok"), admin: "ok" },
  },
  // An answer id that is not one of the class's: the class's own instructor is told it is not
  // there; everyone else is refused the class first.
  {
    route: "instructor/classes/[classId]/written/[answerId]/page.tsx",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.demoClass}/written/not-an-answer`,
    expect: teachers("notfound", "forbidden"),
  },
  { route: "instructor/classes/[classId]/gain/page.tsx", method: "GET", path: (ids) => `/instructor/classes/${ids.otherClass}/gain`, expect: { ...teachers("forbidden", "ok"), admin: "ok" } },
  {
    route: "instructor/classes/[classId]/students/[studentId]/page.tsx",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.demoClass}/students/${ids.student}`,
    expect: teachers("ok", "forbidden"),
  },
  // A foreign student id inside one's own class: refused, even for an admin (not in this class).
  {
    route: "instructor/classes/[classId]/students/[studentId]/page.tsx",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.demoClass}/students/${ids.otherStudent}`,
    expect: teachers("forbidden", "forbidden"),
  },
  {
    route: "instructor/classes/[classId]/export/[report]/route.ts",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.demoClass}/export/progress`,
    expect: teachers("ok", "forbidden"),
  },
  {
    route: "instructor/classes/[classId]/export/[report]/route.ts",
    method: "GET",
    path: (ids) => `/instructor/classes/${ids.otherClass}/export/responses`,
    expect: { ...teachers("forbidden", "ok"), admin: "ok" },
  },
  { route: "account/page.tsx", method: "GET", path: () => "/account", expect: signedIn("ok") },
  { route: "admin/users/page.tsx", method: "GET", path: () => "/admin/users", expect: { ...signedIn("forbidden"), admin: "ok" } },
  { route: "api/me/route.ts", method: "GET", path: () => "/api/me", expect: everyone("ok") },
  { route: "api/continue/route.ts", method: "GET", path: () => "/api/continue", expect: signedIn("ok") },
  { route: "api/quiz-status/route.ts", method: "GET", path: () => "/api/quiz-status?lesson=lone-wolf&quiz=lone-wolf-quiz", expect: signedIn("ok") },
  { route: "api/attempts/route.ts", method: "POST", path: () => "/api/attempts", body: {}, expect: signedIn("invalid") },
  { route: "api/progress/route.ts", method: "POST", path: () => "/api/progress", body: {}, expect: signedIn("invalid") },
  { route: "api/account/export/route.ts", method: "GET", path: () => "/api/account/export", expect: signedIn("ok") },
  { route: "api/account/delete/route.ts", method: "POST", path: () => "/api/account/delete", body: {}, expect: signedIn("invalid") },
  { route: "api/account/password/route.ts", method: "POST", path: () => "/api/account/password", body: {}, expect: signedIn("invalid") },
  // Sign-up is open to anyone with a join code; signed-in users may create another account too.
  { route: "api/signup/route.ts", method: "POST", path: () => "/api/signup", body: {}, expect: everyone("invalid") },
  { route: "api/auth/[...nextauth]/route.ts", method: "GET", path: () => "/api/auth/csrf", expect: everyone("ok") },
  { route: "admin/lti/page.tsx", method: "GET", path: () => "/admin/lti", expect: { ...signedIn("forbidden"), admin: "ok" } },
  // LTI: anyone (the LMS sends whoever launches); a login naming no platform and a launch
  // without token or state are refused whoever asks (server/lti/, docs/lti.md).
  { route: "api/lti/jwks/route.ts", method: "GET", path: () => "/api/lti/jwks", expect: everyone("ok") },
  { route: "api/lti/login/route.ts", method: "GET", path: () => "/api/lti/login", expect: everyone("invalid") },
  // Dynamic registration: admins only, refused before the configuration (here an http:// one, invalid) is fetched.
  { route: "api/lti/register/route.ts", method: "GET", path: () => "/api/lti/register?openid_configuration=http%3A%2F%2Flms.example.org%2F", expect: { ...signedIn("forbidden"), admin: "invalid" } },
  { route: "api/lti/register/route.ts", method: "POST", path: () => "/api/lti/register", form: { openid_configuration: "" }, expect: { ...signedIn("forbidden"), admin: "invalid" } },
  { route: "api/lti/launch/route.ts", method: "POST", path: () => "/api/lti/launch", form: { id_token: "" }, expect: everyone("invalid") },
  // Deep linking: the picker (without a signed request it only says so) and its form's answer,
  // for instructors; an empty form is refused before anything is signed.
  // Signed deep-link request: no session needed (the LMS may frame the picker, where the session
  // cookie is not sent). Without a request the page says it has expired and the answer is refused;
  // with one, the instructor it names must still be one (e2e/lti.spec.ts).
  { route: "instructor/lti/deep-link/page.tsx", method: "GET", path: () => "/instructor/lti/deep-link", expect: everyone("ok") },
  { route: "api/lti/deep-link/route.ts", method: "POST", path: () => "/api/lti/deep-link", form: { request: "" }, expect: everyone("invalid") },
];

/** Every page and route handler under app/: its file, and its route as "path/page.tsx" with route groups left out. */
function discoverRouteFiles(dir = path.join(process.cwd(), "app"), prefix = ""): { route: string; file: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) {
      const segment = /^\(.*\)$/.test(name) ? "" : `${name}/`;
      return discoverRouteFiles(full, prefix + segment);
    }
    return name === "page.tsx" || name === "route.ts" ? [{ route: prefix + name, file: full }] : [];
  });
}
const discoverRoutes = () => discoverRouteFiles().map((r) => r.route);

test("the table lists every page and route handler, and nothing else", () => {
  expect([...new Set(TABLE.map((r) => r.route))].sort()).toEqual(discoverRoutes().sort());
});

/** Pages without an access check of their own, and why. */
const OPEN_PAGES: Record<string, string> = {
  "page.tsx": "the home page, for anyone",
  "signin/page.tsx": "for anyone",
  "signup/page.tsx": "for anyone",
  "lessons/[slug]/page.tsx": "prerendered, the same for every student: proxy.ts keeps anonymous visitors out; the per-student parts come from guarded routes",
  "instructor/lti/deep-link/page.tsx": "signed deep-link request: pickerRequest (server/lti/deep-link-response.ts) checks the request this app signed for an instructor, and that they still are one, instead of the session (the LMS may frame it)",
};
/** Route handlers not made by jsonRoute, and what guards them instead. */
const OWN_GUARD: Record<string, string> = {
  "api/auth/[...nextauth]/route.ts": "next-auth's own handler: double-submit CSRF token; callbackUrl checked by proxy.ts",
};

test("every route handler and page goes through the one guarded path", () => {
  const skipped: string[] = [];
  for (const { route, file } of discoverRouteFiles()) {
    const text = readFileSync(file, "utf8");
    if (route.endsWith("route.ts")) {
      if (OWN_GUARD[route]) continue;
      // Every export is a route segment option or `export const METHOD = jsonRoute(…)`.
      const exported = [...text.matchAll(/^export\s.*$/gm)].map((m) => m[0]);
      const option = /^export const (dynamic|dynamicParams|revalidate|runtime|maxDuration|fetchCache|preferredRegion) =/;
      const guarded = /^export const (GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) = jsonRoute\(/;
      if (!exported.some((e) => guarded.test(e)) || exported.some((e) => !option.test(e) && !guarded.test(e))) skipped.push(route);
    } else if (!OPEN_PAGES[route] && !/import \{[^}]*\brequire\w+[^}]*\} from "@\/server\/access"/.test(text)) {
      skipped.push(route);
    }
  }
  expect(skipped, "these do not use server/http/route.ts (jsonRoute) or server/access.ts (require…)").toEqual([]);
});

const EMAILS: Record<Exclude<Persona, "anonymous">, string> = {
  student: accounts.student,
  otherStudent: accounts.otherStudent,
  instructor: accounts.instructor,
  otherInstructor: accounts.otherInstructor,
  author: accounts.author,
  admin: accounts.admin,
};

async function outcomeOf(request: APIRequestContext, row: Row, ids: Ids): Promise<Outcome | number> {
  const url = row.path(ids);
  const res =
    row.method === "GET"
      ? await request.get(url, { maxRedirects: 0 })
      : row.form
        ? await request.post(url, { form: row.form, maxRedirects: 0 })
        : await request.post(url, { data: row.body ?? {}, maxRedirects: 0 });
  const status = res.status();
  if (status >= 300 && status < 400) return (res.headers().location ?? "").includes("/signin") ? "signin" : status;
  if (status === 401) return "signin";
  if (status === 403) return "forbidden";
  if (status === 404) return "notfound";
  if (status === 400) return "invalid";
  if (status >= 200 && status < 300) return "ok";
  return status;
}

for (const persona of [...PERSONAS, "endedSession"] as const) {
  // endedSession: a student whose sessions were ended (signed out elsewhere, password or role
  // changed) still sends a well-signed cookie; every route must treat them as anonymous.
  test(`as ${persona}: every page and route allows or refuses as the table says`, async ({ playwright, baseURL }) => {
    const db = testDb();
    const [demo, other, student, otherStudent] = await Promise.all([
      db.class.findFirstOrThrow({ where: { joinCode: "DEMO-2026" }, select: { id: true } }),
      db.class.findFirstOrThrow({ where: { joinCode: "OTHR-2026" }, select: { id: true } }),
      db.user.findUniqueOrThrow({ where: { email: accounts.student }, select: { id: true } }),
      db.user.findUniqueOrThrow({ where: { email: accounts.otherStudent }, select: { id: true } }),
    ]);
    const ids: Ids = { demoClass: demo.id, otherClass: other.id, student: student.id, otherStudent: otherStudent.id };
    const request = await playwright.request.newContext({ baseURL });
    if (persona !== "anonymous") {
      const email = persona === "endedSession" ? uniqueEmail("ended") : EMAILS[persona];
      if (persona === "endedSession") {
        expect((await request.post("/api/signup", { data: { name: "Ended Session", email, password: PASSWORD, joinCode: JOIN_CODE } })).status()).toBe(201);
      }
      const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
      await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: PASSWORD, json: "true" } });
      expect((await (await request.get("/api/me")).json()).user, `${persona} signed in`).not.toBeNull();
      if (persona === "endedSession") await db.user.update({ where: { email }, data: { sessionVersion: { increment: 1 } } });
    }
    const actual: Record<string, Outcome | number> = {};
    const expected: Record<string, Outcome> = {};
    for (const row of TABLE) {
      let key = `${row.method} ${row.path(ids)}`;
      for (const [name, id] of Object.entries(ids)) key = key.replace(id, `:${name}`);
      actual[key] = await outcomeOf(request, row, ids);
      expected[key] = persona === "endedSession" ? (row.endedSession ?? row.expect.anonymous) : row.expect[persona];
    }
    expect(actual).toEqual(expected);
    await request.dispose();
  });
}
