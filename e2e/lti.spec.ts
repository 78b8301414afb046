// LTI 1.3 against a platform that runs here (e2e/lti/platform.ts, on 127.0.0.1: another site
// than the app on localhost). Full launches in the browser — the platform posts to the tool's
// login URL, the tool redirects to the platform's authorisation endpoint, the platform posts
// the signed id_token back — land instructors and students on the unit, signed in, with the
// course's class made by the instructor and the student enrolled. Then every validation rule,
// each broken on its own: refused with a page that says why, and nothing made. Deep linking:
// an instructor picks units, and the platform receives them signed by the tool.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import { accounts, axeViolations, getCourseForTests, signInAs } from "./fixtures";
import { testDb } from "./db";
import { rawRequest } from "./http";
import { ROLES, startPlatform, type LaunchSpec, type Platform } from "./lti/platform";

// The platform's port: LTI_PLATFORM_PORT, else 4 above the app's (each engineer's own range).
const PLATFORM_PORT = Number(process.env.LTI_PLATFORM_PORT ?? Number(process.env.TEST_PORT ?? 3100) + 4);
let platform: Platform;

test.beforeAll(async () => {
  platform = await startPlatform(PLATFORM_PORT);
  // Registered directly (the admin page's own test registers another one through the form).
  await testDb().ltiPlatform.create({
    data: {
      name: "Test LMS",
      issuer: platform.issuer,
      clientId: platform.clientId,
      authUrl: platform.urls.auth,
      tokenUrl: platform.urls.token,
      jwksUrl: platform.urls.jwks,
      deployments: { create: [{ deploymentId: platform.deploymentId }] },
    },
  });
});
test.afterAll(async () => {
  await testDb().ltiPlatform.deleteMany({ where: { issuer: platform.issuer } });
  await platform.stop();
});

/** Rows a launch from the test platform can make. */
async function ltiRows() {
  const db = testDb();
  const issuer = platform.issuer;
  const ofPlatform = { ltiContexts: { some: { issuer } } };
  const [userLinks, users, contextLinks, classes, enrollments] = await Promise.all([
    db.ltiUserLink.count({ where: { issuer } }),
    db.user.count({ where: { ltiLinks: { some: { issuer } } } }),
    db.ltiContextLink.count({ where: { issuer } }),
    db.class.count({ where: ofPlatform }),
    db.enrollment.count({ where: { class: ofPlatform } }),
  ]);
  return { userLinks, users, contextLinks, classes, enrollments };
}

let n = 0;
/** A launch by a new person, into the course made by the instructor's first launch. */
const spec = (baseURL: string, overrides: Partial<LaunchSpec> = {}): LaunchSpec => ({
  sub: `person-${Date.now()}-${n++}`,
  name: "Sam Student",
  roles: ROLES.learner,
  contextId: "course-1",
  targetLinkUri: `${baseURL}/lessons/lone-wolf`,
  ...overrides,
});

/** The tool's answer to a third-party-initiated login (GET): the platform's auth request and this browser's state cookie. */
async function login(baseURL: string, launch: LaunchSpec) {
  const query = new URLSearchParams({ iss: platform.issuer, login_hint: launch.sub, target_link_uri: launch.targetLinkUri, client_id: platform.clientId, lti_deployment_id: platform.deploymentId });
  const res = await rawRequest(baseURL, `/api/lti/login?${query}`, { method: "GET" });
  expect(res.status, res.body).toBe(302);
  const auth = new URL(String(res.headers.location));
  expect(auth.origin + auth.pathname).toBe(platform.urls.auth);
  const setCookie = res.headers["set-cookie"] ?? [];
  expect(setCookie[0]).toMatch(/^lti-state-[\w-]{32}=1; Path=\/; Max-Age=600; HttpOnly; Secure; SameSite=None; Partitioned$/);
  return { state: auth.searchParams.get("state")!, nonce: auth.searchParams.get("nonce")!, cookie: setCookie[0].split(";")[0] };
}

/** The platform's form_post of an id_token to the launch URL, cross-site, with the given cookie. */
function launch(baseURL: string, form: Record<string, string>, cookie?: string) {
  return rawRequest(baseURL, "/api/lti/launch", {
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: platform.issuer, "Sec-Fetch-Site": "cross-site", ...(cookie ? { Cookie: cookie } : {}) },
    body: new URLSearchParams(form).toString(),
  });
}

test("an admin registers a platform on /admin/lti and sees the values to paste into the LMS", async ({ page, baseURL }) => {
  await signInAs(page, accounts.admin);
  await page.goto("/admin/lti");
  await expect(page.getByText(`${baseURL}/api/lti/login`)).toBeVisible();
  // The launch URL, which is also the deep linking URL.
  await expect(page.getByText(`${baseURL}/api/lti/launch`)).toHaveCount(2);
  await expect(page.locator("dt", { hasText: "Deep linking URL" }).locator("+ dd")).toContainText(`${baseURL}/api/lti/launch`);
  await expect(page.getByText(`${baseURL}/api/lti/jwks`)).toBeVisible();
  const issuer = "https://moodle.school.example";
  const fields: Record<string, string> = {
    Name: "School Moodle",
    "Issuer (iss)": issuer,
    "Client ID": "moodle-client-7",
    "Deployment IDs": "3, 4",
    "OIDC authorisation URL": `${issuer}/mod/lti/auth.php`,
    "Access token URL": `${issuer}/mod/lti/token.php`,
    "Public keyset (JWKS) URL": `${issuer}/mod/lti/certs.php`,
  };
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByLabel("OIDC authorisation URL").fill("http://moodle.school.example/auth");
  await page.getByRole("button", { name: "Register platform" }).click();
  await expect(page.locator(".form-error")).toContainText("https://");
  expect(await testDb().ltiPlatform.count({ where: { issuer } })).toBe(0);
  await page.getByLabel("OIDC authorisation URL").fill(fields["OIDC authorisation URL"]);
  await page.getByRole("button", { name: "Register platform" }).click();
  await expect(page.locator(".form-success")).toContainText("School Moodle is registered");
  await page.reload();
  await expect(page.locator(`li[data-platform="${issuer}"]`)).toContainText("3, 4");
  // The same issuer and client id again, with a new deployment id: added to the registration.
  for (const [label, value] of Object.entries({ ...fields, "Deployment IDs": "4, 5" })) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Register platform" }).click();
  await expect(page.locator(".form-success")).toContainText("Deployment 5 added");
  // A success empties the form; the same again changes nothing and says so.
  await expect(page.getByLabel("Client ID", { exact: true })).toHaveValue("");
  for (const [label, value] of Object.entries({ ...fields, "Deployment IDs": "4, 5" })) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Register platform" }).click();
  await expect(page.locator(".form-error")).toContainText("registered already");
  const rows = await testDb().ltiPlatform.findMany({ where: { issuer }, select: { clientId: true, deployments: { select: { deploymentId: true } } } });
  expect(rows).toHaveLength(1);
  expect(rows[0].clientId).toBe("moodle-client-7");
  expect(rows[0].deployments.map((d) => d.deploymentId).sort()).toEqual(["3", "4", "5"]);
  await testDb().ltiPlatform.deleteMany({ where: { issuer } });
});

test("the tool's public keys are published without their private half", async ({ request }) => {
  const res = await request.get("/api/lti/jwks");
  expect(res.status()).toBe(200);
  const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
  expect(keys.length).toBeGreaterThan(0);
  expect(keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: expect.any(String) });
  expect(keys[0]).not.toHaveProperty("d");
});

test("a student opening the tool before their instructor ever did is told so, and nothing is made", async ({ baseURL }) => {
  const before = await ltiRows();
  const who = spec(baseURL!, { contextId: "course-never-opened" });
  const { state, nonce, cookie } = await login(baseURL!, who);
  const res = await launch(baseURL!, { id_token: await platform.idToken(who, { nonce }), state }, cookie);
  expect(res.status).toBe(409);
  expect(res.body).toContain("Your instructor has not opened Behind the Headline from this course yet");
  expect(await ltiRows()).toEqual(before);
});

test("full launches: the instructor's first launch makes the class, the student lands on the unit signed in and enrolled", async ({ browser, baseURL }) => {
  const loginUrl = `${baseURL}/api/lti/login`;
  const before = await ltiRows();

  const teacher = spec(baseURL!, { name: "Ines Instructor", roles: ROLES.instructor, contextTitle: "Media literacy 101", targetLinkUri: `${baseURL}/course` });
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await teacherPage.goto(platform.startUrl(teacher, loginUrl));
  await expect(teacherPage).toHaveURL(`${baseURL}/course`);
  const teacherMe = (await (await teacherPage.request.get("/api/me")).json()) as { user: { name: string; role: string } | null };
  expect(teacherMe.user).toMatchObject({ name: "Ines Instructor", role: "instructor" });

  const student = spec(baseURL!, { name: "Sam Student", targetLinkUri: `${baseURL}/course`, custom: { unit: "lone-wolf" } });
  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  await studentPage.goto(platform.startUrl(student, loginUrl));
  await expect(studentPage).toHaveURL(`${baseURL}/lessons/lone-wolf`);
  await expect(studentPage.getByRole("heading", { level: 1 })).toBeVisible();
  const studentMe = (await (await studentPage.request.get("/api/me")).json()) as { user: { name: string; role: string } | null };
  expect(studentMe.user).toMatchObject({ name: "Sam Student", role: "student" });
  // Their data download names the LMS link (docs/privacy.md).
  const exported = (await (await studentPage.request.get("/api/account/export")).json()) as { learningPlatforms: { platform: string; yourIdThere: string }[] };
  expect(exported.learningPlatforms).toEqual([{ platform: platform.issuer, yourIdThere: student.sub, linkedAt: expect.any(String) }]);

  expect(await ltiRows()).toEqual({ userLinks: before.userLinks + 2, users: before.users + 2, contextLinks: before.contextLinks + 1, classes: before.classes + 1, enrollments: before.enrollments + 1 });
  const db = testDb();
  const link = await db.ltiContextLink.findFirstOrThrow({
    where: { issuer: platform.issuer, contextId: "course-1" },
    select: { deploymentId: true, class: { select: { name: true, joinCode: true, instructor: { select: { name: true, role: true } }, enrollments: { select: { user: { select: { name: true, role: true, email: true } } } } } } },
  });
  expect(link.deploymentId).toBe(platform.deploymentId);
  expect(link.class).toMatchObject({ name: "Media literacy 101", joinCode: null, instructor: { name: "Ines Instructor", role: "instructor" } });
  expect(link.class.enrollments).toEqual([{ user: { name: "Sam Student", role: "student", email: expect.stringMatching(/@lti\.invalid$/) } }]);

  // The instructor sees the class among their own.
  await teacherPage.goto("/instructor");
  await expect(teacherPage.getByText("Media literacy 101")).toBeVisible();

  // Launching again (a new login) makes nothing new and signs the same account in.
  await studentPage.goto(platform.startUrl(student, loginUrl));
  await expect(studentPage).toHaveURL(`${baseURL}/lessons/lone-wolf`);
  expect(await ltiRows()).toEqual({ userLinks: before.userLinks + 2, users: before.users + 2, contextLinks: before.contextLinks + 1, classes: before.classes + 1, enrollments: before.enrollments + 1 });
  await teacherContext.close();
  await studentContext.close();
});

test.describe("every launch rule, broken on its own, is refused with a page that says why, and nothing is made", () => {
  test.beforeAll(async ({ browser, baseURL }) => {
    // The course exists (its instructor launched), so only the rule under test can refuse.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(platform.startUrl(spec(baseURL!, { roles: ROLES.ta, name: "Tara Assistant", contextId: "course-rules" }), `${baseURL}/api/lti/login`));
    await expect(page).toHaveURL(`${baseURL}/lessons/lone-wolf`);
    await context.close();
  });

  const student = (baseURL: string) => spec(baseURL, { contextId: "course-rules" });
  type Case = { name: string; status: number; reason: RegExp; run: (baseURL: string) => Promise<{ status: number; body: string }> };
  const cases: Case[] = [
    {
      name: "a token signed with another key (the platform's key id, a forger's key)",
      status: 401,
      reason: /signature is not the platform/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce, cookie } = await login(baseURL, who);
        const { privateKey } = await (await import("jose")).generateKeyPair("RS256");
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce, signWith: privateKey }), state }, cookie);
      },
    },
    {
      name: "a token meant for another tool (aud)",
      status: 401,
      reason: /meant for another tool \(aud/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce, cookie } = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce, aud: "some-other-tool" }), state }, cookie);
      },
    },
    {
      name: "a token carrying the nonce of an earlier login (replayed)",
      status: 401,
      reason: /nonce/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const first = await login(baseURL, who);
        const second = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce: first.nonce }), state: second.state }, second.cookie);
      },
    },
    {
      name: "the same launch posted twice (state and nonce used once)",
      status: 401,
      reason: /already used/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce, cookie } = await login(baseURL, who);
        const form = { id_token: await platform.idToken(who, { nonce }), state };
        const accepted = await launch(baseURL, form, cookie);
        expect(accepted.status, accepted.body).toBe(303);
        // The first launch made this person: remove them again so that "nothing made" holds for the replay.
        await testDb().user.deleteMany({ where: { ltiLinks: { some: { issuer: platform.issuer, sub: who.sub } } } });
        return launch(baseURL, form, cookie);
      },
    },
    {
      name: "an expired token",
      status: 401,
      reason: /expired/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce, cookie } = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce, iat: -4000, exp: -3600 }), state }, cookie);
      },
    },
    {
      name: "a deployment that is not registered",
      status: 403,
      reason: /deployment of the tool is not registered/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce, cookie } = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken({ ...who, deploymentId: "unknown-deployment" }, { nonce }), state }, cookie);
      },
    },
    {
      name: "a message type the tool does not handle",
      status: 400,
      reason: /LtiSubmissionReviewRequest/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce, cookie } = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce, claims: { "https://purl.imsglobal.org/spec/lti/claim/message_type": "LtiSubmissionReviewRequest" } }), state }, cookie);
      },
    },
    {
      name: "another LTI version",
      status: 400,
      reason: /1\.3\.0/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce, cookie } = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce, claims: { "https://purl.imsglobal.org/spec/lti/claim/version": "1.1.0" } }), state }, cookie);
      },
    },
    {
      name: "a browser without the state cookie (another browser finishing the login)",
      status: 401,
      reason: /did not start this launch/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce } = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce }), state });
      },
    },
    {
      name: "a state that is not the one this browser's cookie holds",
      status: 401,
      reason: /did not start this launch/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const mine = await login(baseURL, who);
        const theirs = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce: theirs.nonce }), state: theirs.state }, mine.cookie);
      },
    },
    {
      name: "an instructor launch for an account that was made as a student's",
      status: 403,
      reason: /is a student account/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const first = await login(baseURL, who);
        expect((await launch(baseURL, { id_token: await platform.idToken(who, { nonce: first.nonce }), state: first.state }, first.cookie)).status).toBe(303);
        // Made as a student: forget it again, so that "nothing made" is about the second launch.
        const made = await testDb().ltiUserLink.findFirstOrThrow({ where: { issuer: platform.issuer, sub: who.sub }, select: { userId: true } });
        const teaching = { ...who, roles: ROLES.instructor, contextId: "course-new-for-this-teacher" };
        const { state, nonce, cookie } = await login(baseURL, teaching);
        const res = await launch(baseURL, { id_token: await platform.idToken(teaching, { nonce }), state }, cookie);
        expect(await testDb().class.count({ where: { instructorId: made.userId } })).toBe(0);
        await testDb().user.delete({ where: { id: made.userId } });
        return res;
      },
    },
    {
      name: "a state changed on the way (not as this tool signed it)",
      status: 401,
      reason: /not started by Behind the Headline/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { state, nonce } = await login(baseURL, who);
        const [random, platformId, expires, signature] = state.split(".");
        const changed = `${random}.${platformId}.${Number(expires) + 3600}.${signature}`;
        // With the cookie that state would have, so only the signature can refuse it.
        const cookie = `lti-state-${createHash("sha256").update(changed).digest("base64url").slice(0, 32)}=1`;
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce }), state: changed }, cookie);
      },
    },
    {
      name: "a launch without a state",
      status: 400,
      reason: /no state/,
      run: async (baseURL) => {
        const who = student(baseURL);
        const { nonce, cookie } = await login(baseURL, who);
        return launch(baseURL, { id_token: await platform.idToken(who, { nonce }) }, cookie);
      },
    },
  ];

  for (const c of cases) {
    test(c.name, async ({ baseURL }) => {
      const before = await ltiRows();
      const res = await c.run(baseURL!);
      expect(res.status, res.body).toBe(c.status);
      expect(res.body).toMatch(c.reason);
      expect(res.body).toMatch(/<h1>This (launch was refused|could not be opened)<\/h1>/);
      expect(await ltiRows()).toEqual(before);
    });
  }

  test("a login from a platform that is not registered, or for another site, is refused", async ({ baseURL }) => {
    const base = { login_hint: "x", target_link_uri: `${baseURL}/course` };
    const unknown = await rawRequest(baseURL!, `/api/lti/login?${new URLSearchParams({ ...base, iss: "https://unknown.example.org" })}`, { method: "GET" });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toContain("not registered");
    const elsewhere = await rawRequest(baseURL!, `/api/lti/login?${new URLSearchParams({ ...base, iss: platform.issuer, target_link_uri: "https://evil.example.org/" })}`, { method: "GET" });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toContain("another site");
    const deployment = await rawRequest(baseURL!, `/api/lti/login?${new URLSearchParams({ ...base, iss: platform.issuer, lti_deployment_id: "nope" })}`, { method: "GET" });
    expect(deployment.status).toBe(403);
    expect(unknown.headers["set-cookie"]).toBeUndefined();
  });
});

test.describe("deep linking: an instructor adding the tool picks units, and the LMS receives them signed", () => {
  test.beforeAll(({ baseURL }) => platform.trustTool(`${baseURL}/api/lti/jwks`));
  const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
  const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  const teacher = (baseURL: string, deepLink: LaunchSpec["deepLink"], contextId = "course-deep-linking") =>
    spec(baseURL, { name: "Dee Linker", roles: ROLES.instructor, contextId, contextTitle: "Deep linking 101", targetLinkUri: `${baseURL}/course`, deepLink });
  /** The published units as the picker numbers them ("Unit 1" is the first that is not an assessment). */
  async function units() {
    const course = await getCourseForTests();
    return course.lessons.filter((l) => l.frontmatter?.kind !== "assessment").map((l) => ({ slug: l.slug, title: l.frontmatter!.title, graded: l.quizzes.some((q) => !q.practice) }));
  }

  test("by keyboard: two units picked, the platform gets them as signed content items with line items, and the data back", async ({ browser, baseURL }) => {
    const before = await ltiRows();
    const returnsBefore = platform.deepLinkReturns().length;
    const context = await browser.newContext();
    const page = await context.newPage();
    // The longest data the tool takes: it travels in the picker's address and comes back as it was.
    const data = "canvas-state-42.".padEnd(4096, "x");
    await page.goto(platform.startUrl(teacher(baseURL!, { acceptMultiple: true, data }), `${baseURL}/api/lti/login`));
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/instructor/lti/deep-link\\?request=`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Add units to your course");
    expect(await axeViolations(page), "axe on the deep linking picker").toEqual([]);
    // The instructor is signed in, and the course's class is made, as by a launch.
    expect(await ltiRows()).toEqual({ ...before, userLinks: before.userLinks + 1, users: before.users + 1, contextLinks: before.contextLinks + 1, classes: before.classes + 1 });

    const [first, second] = await units();
    expect(first.graded && second.graded).toBe(true);
    await page.getByRole("checkbox", { name: new RegExp(`^Unit 1: `) }).focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("checkbox", { name: new RegExp(`^Unit 2: `) })).toBeFocused();
    await page.keyboard.press("Space");
    const submit = page.getByRole("button", { name: "Add to the course" });
    for (let i = 0; i < 20 && !(await submit.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press("Tab");
    await expect(submit).toBeFocused();
    const answer = page.waitForResponse((r) => r.url() === `${baseURL}/api/lti/deep-link`);
    await page.keyboard.press("Enter");
    // The tool's answer sends itself to the platform, under a CSP that allows posting there only.
    const csp = (await answer).headers()["content-security-policy"];
    expect(csp).toContain(`form-action ${platform.issuer};`);
    expect(csp).not.toContain("form-action 'self'");
    await expect(page).toHaveURL(`${platform.issuer}/deep-link-return`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test LMS received 2 items");

    const returns = platform.deepLinkReturns();
    expect(returns).toHaveLength(returnsBefore + 1);
    const received = returns.at(-1)!;
    if (!received.ok) throw new Error(received.error);
    const { keys } = (await (await page.request.get("/api/lti/jwks")).json()) as { keys: { kid: string }[] };
    expect(received.kid).toBe(keys[0].kid);
    expect(received.payload).toMatchObject({
      iss: platform.clientId,
      aud: platform.issuer,
      nonce: expect.any(String),
      [`${LTI}message_type`]: "LtiDeepLinkingResponse",
      [`${LTI}version`]: "1.3.0",
      [`${LTI}deployment_id`]: platform.deploymentId,
      [`${DL}data`]: data,
    });
    expect(received.payload.exp! - received.payload.iat!).toBe(300);
    expect(received.payload[`${DL}content_items`]).toEqual(
      [first, second].map((u) => ({
        type: "ltiResourceLink",
        title: u.title,
        url: `${baseURL}/lessons/${u.slug}`,
        custom: { unit: u.slug },
        // The platform can open links in a window: each asks for the tool's own.
        window: { targetName: "behind-the-headline" },
        lineItem: { scoreMaximum: 100, label: u.title, resourceId: u.slug },
      })),
    );
    await context.close();
  });

  test("without scripts, where the platform takes one item and frames it: a radio button, the whole course, and the Continue button", async ({ browser, baseURL }) => {
    const returnsBefore = platform.deepLinkReturns().length;
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(platform.startUrl(teacher(baseURL!, { acceptMultiple: false, presentationTargets: ["iframe"] }), `${baseURL}/api/lti/login`));
    // The platform's own auto-posting pages, by hand: its login form, then its id_token.
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/instructor/lti/deep-link\\?request=`));
    await expect(page.getByRole("checkbox")).toHaveCount(0);
    await page.getByRole("radio", { name: /^The whole course/ }).check();
    await page.getByRole("button", { name: "Add to the course" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Back to your course");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test LMS received 1 items");
    const received = platform.deepLinkReturns().at(-1)!;
    expect(platform.deepLinkReturns()).toHaveLength(returnsBefore + 1);
    if (!received.ok) throw new Error(received.error);
    expect(received.payload[`${DL}content_items`]).toEqual([{ type: "ltiResourceLink", title: "Behind the Headline", url: `${baseURL}/course` }]);
    expect(received.payload).not.toHaveProperty(`${DL}data`);
    await context.close();
  });

  test("Cancel goes back to the platform with no items, even where a pick is required", async ({ browser, baseURL }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(platform.startUrl(teacher(baseURL!, { acceptMultiple: false, data: "cancel-me" }), `${baseURL}/api/lti/login`));
    await expect(page).toHaveURL(new RegExp(`^${baseURL}/instructor/lti/deep-link\\?request=`));
    await page.getByRole("button", { name: "Cancel: add nothing" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Test LMS received 0 items");
    const received = platform.deepLinkReturns().at(-1)!;
    if (!received.ok) throw new Error(received.error);
    expect(received.payload).toMatchObject({ [`${DL}content_items`]: [], [`${DL}data`]: "cancel-me", [`${DL}msg`]: "Nothing was added from Behind the Headline." });
    await context.close();
  });

  test("a learner's deep linking request is refused, and nothing is made", async ({ baseURL }) => {
    const before = await ltiRows();
    const who = spec(baseURL!, { contextId: "course-deep-linking", deepLink: { acceptMultiple: true } });
    const { state, nonce, cookie } = await login(baseURL!, who);
    const res = await launch(baseURL!, { id_token: await platform.idToken(who, { nonce }), state }, cookie);
    expect(res.status, res.body).toBe(403);
    expect(res.body).toContain("Only instructors and teaching assistants can add");
    expect(res.headers.location).toBeUndefined();
    expect(await ltiRows()).toEqual(before);
  });

  test("the answer needs the signed request, not a session: without it, changed, for an instructor no longer current, or from another site it is refused, and nothing goes to the platform", async ({ page, baseURL }) => {
    // A deep linking launch in a raw request: the picker's address (with the signed request) and the session cookie.
    const who = teacher(baseURL!, { acceptMultiple: true }, "course-deep-linking-refusals");
    const { state, nonce, cookie } = await login(baseURL!, who);
    const launched = await launch(baseURL!, { id_token: await platform.idToken(who, { nonce }), state }, cookie);
    expect(launched.status, launched.body).toBe(303);
    const request = new URL(String(launched.headers.location)).searchParams.get("request")!;
    const session = (launched.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).find((c) => !c.startsWith("lti-state-") && !c.endsWith("="))!;
    expect(session).toBeTruthy();
    const [first] = await units();
    const post = (form: Record<string, string>, headers: Record<string, string> = {}) =>
      rawRequest(baseURL!, "/api/lti/deep-link", { headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(form).toString() });
    const picked = { request, [`pick:${first.slug}`]: "on" };
    const returnsBefore = platform.deepLinkReturns().length;

    const [body, signature] = request.split(".");
    const changed = Buffer.from(Buffer.from(body, "base64url").toString().replace("/deep-link-return", "/elsewhere")).toString("base64url");
    const refusals: [string, Awaited<ReturnType<typeof post>>, number, RegExp][] = [
      ["a request changed on the way", await post({ ...picked, request: `${changed}.${signature}` }), 403, /expired, or was started by someone else/],
      ["no request, with the session", await post({ [`pick:${first.slug}`]: "on" }, { Cookie: session }), 400, /no deep linking request/],
      ["no request, no session", await post({ [`pick:${first.slug}`]: "on" }), 400, /no deep linking request/],
      ["from another site", await post(picked, { Origin: platform.issuer, "Sec-Fetch-Site": "cross-site" }), 403, /another site/],
      ["from another site, in a frame with no origin", await post(picked, { Origin: "null" }), 403, /another site/],
      ["nothing picked", await post({ request }), 400, /Nothing was picked/],
      ["a pick that is not a unit", await post({ request, "pick:not-a-unit": "on" }), 400, /not a unit/],
    ];
    for (const [name, res, status, reason] of refusals) {
      expect(res.status, `${name}: ${res.body}`).toBe(status);
      expect(res.body, name).toMatch(reason);
      expect(res.headers["content-security-policy"], name).toContain("form-action 'none'");
      expect(res.headers["content-security-policy"], name).toMatch(/frame-ancestors ('none'|http:\/\/127\.0\.0\.1:\d+);/);
    }
    // Another instructor's session with this instructor's request: bound to the one it was made for.
    await signInAs(page, accounts.instructor);
    const other = await page.request.post("/api/lti/deep-link", { form: picked, maxRedirects: 0 });
    expect(other.status()).toBe(403);
    expect(await other.text()).toContain("started by someone else");
    // The instructor's sessions ended since the launch (sign-out everywhere, a new password): the request ends with them.
    const userId = (JSON.parse(Buffer.from(body, "base64url").toString()) as { u: string }).u;
    await testDb().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    const ended = await post(picked);
    expect(ended.status, ended.body).toBe(403);
    expect(ended.body).toContain("no longer an instructor here, or whose sessions were ended");
    await testDb().user.update({ where: { id: userId }, data: { sessionVersion: { decrement: 1 } } });
    // The same request without any session (as in the LMS's frame): the answer, ready to post, framed by the platform only.
    const accepted = await post(picked);
    expect(accepted.status, accepted.body).toBe(200);
    expect(accepted.body).toContain(`action="${platform.issuer}/deep-link-return"`);
    expect(accepted.headers["content-security-policy"]).toContain(`frame-ancestors ${platform.issuer};`);
    expect(accepted.headers["x-frame-options"]).toBeUndefined();
    expect(accepted.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    // Once: the same request again (the Back button) is not answered a second time, with or without the session.
    for (const again of [await post(picked), await post(picked, { Cookie: session })]) {
      expect(again.status, again.body).toBe(409);
      expect(again.body).toContain("sent to your course already");
    }
    expect(platform.deepLinkReturns()).toHaveLength(returnsBefore);
  });

  test("inside the platform's iframe, where the app's session cookie is not kept: the instructor picks a unit and the platform receives it; other origins may not frame the picker", async ({ browser, baseURL }) => {
    const returnsBefore = platform.deepLinkReturns().length;
    const context = await browser.newContext();
    const page = await context.newPage();
    // The platform (127.0.0.1) frames the whole launch: login, authorisation, launch and picker all run in its iframe — a third-party frame for the app on localhost.
    const start = platform.startUrl(teacher(baseURL!, { acceptMultiple: true, data: "framed" }, "course-deep-linking-framed"), `${baseURL}/api/lti/login`);
    const pickerResponse = page.waitForResponse((r) => r.url().startsWith(`${baseURL}/instructor/lti/deep-link?request=`));
    await page.goto(platform.frameUrl(start));
    const picker = await pickerResponse;
    const headers = picker.headers();
    // Framed by the platform that asked, and by no one else; the signed request in the address is not sent to other origins as a Referer.
    expect(headers["content-security-policy"]).toMatch(new RegExp(`(^|; )frame-ancestors ${platform.issuer.replace(/[.]/g, "\\.")}(;|$)`));
    expect(headers["content-security-policy"]).not.toContain("frame-ancestors 'none'");
    expect(headers["content-security-policy"]).not.toContain("*");
    expect(headers["x-frame-options"]).toBeUndefined();
    expect(headers["referrer-policy"]).toBe("same-origin");
    const frame = page.frameLocator('iframe[name="tool"]');
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Add units to your course");
    await expect(page).toHaveURL(new RegExp(`^${platform.issuer}/frame\\?`));
    // The launch's session cookie (SameSite=Lax) was not kept in the platform's frame: the picker stands on its signed request alone.
    expect((await context.cookies(baseURL)).filter((c) => c.name.includes("session-token"))).toEqual([]);
    // Every other page of the site refuses to be framed: the picker offers no link out of the frame
    // (the site's header is hidden; the skip link stays on the page), and names the site itself.
    await expect(frame.getByRole("link")).toHaveText(["Skip to content"]);
    await expect(frame.locator("p").getByText("Behind the Headline", { exact: true })).toBeVisible();

    const [first] = await units();
    await frame.getByRole("checkbox", { name: /^Unit 1: / }).check();
    const answer = page.waitForResponse((r) => r.url() === `${baseURL}/api/lti/deep-link`);
    await frame.getByRole("button", { name: "Add to the course" }).click();
    const answerHeaders = (await answer).headers();
    expect(answerHeaders["content-security-policy"]).toContain(`frame-ancestors ${platform.issuer};`);
    expect(answerHeaders["content-security-policy"]).toContain(`form-action ${platform.issuer};`);
    expect(answerHeaders["x-frame-options"]).toBeUndefined();
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Test LMS received 1 items");
    await expect(page).toHaveURL(new RegExp(`^${platform.issuer}/frame\\?`));
    expect(platform.deepLinkReturns()).toHaveLength(returnsBefore + 1);
    const received = platform.deepLinkReturns().at(-1)!;
    if (!received.ok) throw new Error(received.error);
    expect(received.payload).toMatchObject({ [`${DL}data`]: "framed", [`${DL}content_items`]: [expect.objectContaining({ url: `${baseURL}/lessons/${first.slug}` })] });

    // Another origin (the same server as localhost: another origin than 127.0.0.1) framing a picker with a current signed request: blocked by the browser.
    const who = teacher(baseURL!, { acceptMultiple: true }, "course-deep-linking-framed");
    const { state, nonce, cookie } = await login(baseURL!, who);
    const launched = await launch(baseURL!, { id_token: await platform.idToken(who, { nonce }), state }, cookie);
    expect(launched.status, launched.body).toBe(303);
    const pickerUrl = String(launched.headers.location);
    const elsewhere = await context.newPage();
    const blocked = elsewhere.waitForResponse((r) => r.url() === pickerUrl);
    await elsewhere.goto(platform.frameUrl(pickerUrl, "localhost"));
    expect((await blocked).headers()["content-security-policy"]).toContain(`frame-ancestors ${platform.issuer};`);
    await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Test LMS: select content");
    await elsewhere.waitForLoadState("load"); // the frame's load too, blocked or not
    await expect(elsewhere.frameLocator('iframe[name="tool"]').getByRole("heading", { name: "Add units to your course" })).toHaveCount(0);
    // The same address, opened in its own window (no session needed), renders.
    await elsewhere.goto(pickerUrl);
    await expect(elsewhere.getByRole("heading", { level: 1 })).toHaveText("Add units to your course");
    await expect(elsewhere.getByRole("checkbox", { name: /^Unit 1: / })).toBeVisible();
    await context.close();
  });
});

test("key rollover: once the platform signs with a new key, the tool fetches its keys again and accepts it", async ({ baseURL }) => {
  // Last in this file: until the tool's copy of the keys may be refreshed (10 s after its last
  // fetch: server/lti/launch.ts), a token with the new key id is refused; then it is accepted.
  test.setTimeout(60_000);
  const fetchesBefore = platform.jwksFetches();
  await platform.rotateKey();
  const statuses: number[] = [];
  await expect
    .poll(
      async () => {
        const who = spec(baseURL!, { roles: ROLES.instructor, contextId: "course-rollover", name: "Rolf Rollover" });
        const { state, nonce, cookie } = await login(baseURL!, who);
        const res = await launch(baseURL!, { id_token: await platform.idToken(who, { nonce }), state }, cookie);
        statuses.push(res.status);
        return res.status;
      },
      { timeout: 40_000, intervals: [1_000, 2_000] },
    )
    .toBe(303);
  expect(statuses.every((s) => s === 401 || s === 303), statuses.join(",")).toBe(true);
  expect(platform.jwksFetches()).toBeGreaterThan(fetchesBefore);
});

test("grades back to the LMS: a student's unit score reaches the LMS gradebook; one the LMS refuses shows as failed to the instructor, who sends it again", async ({ browser, baseURL }) => {
  platform.trustTool(`${baseURL}/api/lti/jwks`);
  platform.scoreAnswer({});
  const loginUrl = `${baseURL}/api/lti/login`;
  const course = `course-ags-${Date.now()}`;
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await teacherPage.goto(platform.startUrl(spec(baseURL!, { name: "Gina Grader", roles: ROLES.instructor, contextId: course, contextTitle: "Graded course", targetLinkUri: `${baseURL}/course` }), loginUrl));
  await expect(teacherPage).toHaveURL(`${baseURL}/course`);
  const student = spec(baseURL!, { name: "Sol Scored", contextId: course, targetLinkUri: `${baseURL}/course`, custom: { unit: "lone-wolf" } });
  const studentContext = await browser.newContext();
  const studentPage = await studentContext.newPage();
  await studentPage.goto(platform.startUrl(student, loginUrl));
  await expect(studentPage).toHaveURL(`${baseURL}/lessons/lone-wolf`);

  // The launch kept the link's line item for the student and the unit it opens.
  const db = testDb();
  expect(await db.ltiLineItem.findFirst({ where: { userSub: student.sub }, select: { lessonSlug: true, lineItemUrl: true, resourceLinkId: true } })).toEqual({
    lessonSlug: "lone-wolf",
    lineItemUrl: platform.lineItemUrl(`link-${course}`, course),
    resourceLinkId: `link-${course}`,
  });
  const mine = () => platform.scores().filter((s) => s.body.userId === student.sub);
  const submit = async () => {
    const res = await studentPage.request.post("/api/attempts", {
      data: { lessonSlug: "lone-wolf", quizId: "lone-wolf-quiz", submissionKey: `ags-${Date.now()}-${n++}`, answers: {} },
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as { status: { bestFraction: number } };
  };

  const result = await submit();
  await expect.poll(() => mine().length, { timeout: 20_000 }).toBe(1);
  expect(mine()[0]).toMatchObject({ link: `link-${course}`, course, body: { userId: student.sub, scoreMaximum: 100, activityProgress: "Completed" } });
  expect(mine()[0].body.gradingProgress).toMatch(/^(FullyGraded|PendingManual)$/);
  expect(mine()[0].body.scoreGiven).toBeCloseTo(result.status.bestFraction * 100, 1);

  // The LMS refuses the next score: failed at once, with its reason, on the class's page.
  platform.scoreAnswer({ status: 400, body: "This line item is closed" });
  await submit();
  const newest = () => db.ltiScoreOutbox.findFirst({ where: { userSub: student.sub }, orderBy: { createdAt: "desc" }, select: { status: true } });
  await expect.poll(async () => (await newest())?.status, { timeout: 20_000 }).toBe("failed");
  const classId = (await db.ltiContextLink.findFirstOrThrow({ where: { contextId: course }, select: { classId: true } })).classId;
  await teacherPage.goto(`/instructor/classes/${classId}`);
  // A class made by an LMS course has its own tab for it.
  const tab = teacherPage.getByRole("navigation", { name: "Class pages" }).getByRole("link", { name: "Grades sent to the LMS" });
  await tab.click();
  await expect(teacherPage.getByRole("heading", { name: "Grades sent to the LMS" })).toBeVisible();
  await expect(tab).toHaveAttribute("aria-current", "page");
  // The student's group of rows (one per unit): here, one unit.
  const row = teacherPage.getByRole("rowgroup").filter({ hasText: "Sol Scored" }).locator("tr[data-status]");
  await expect(row).toHaveAttribute("data-status", "failed");
  await expect(row).toContainText("The platform refused the score: HTTP 400 This line item is closed");
  expect(await axeViolations(teacherPage), "axe on the LMS grades page").toEqual([]);
  // The unit is named by its short label and title; on a phone only the label shows (the title
  // took four or five lines there), and the title is still read out.
  const unit = row.getByRole("rowheader");
  await expect(unit).toHaveText(/^Unit \d+: \S/);
  const desktop = teacherPage.viewportSize()!;
  await teacherPage.setViewportSize({ width: 390, height: 844 });
  expect((await unit.locator(".lms-grades__title").boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
  await expect(unit).toHaveAccessibleName(/^Unit \d+ ?: \S/);
  await teacherPage.setViewportSize(desktop);

  // Sent again once the LMS takes it.
  platform.scoreAnswer({});
  await row.getByRole("button", { name: "Resend" }).click();
  // The page comes back saying so, with the row waiting (or already sent): no Resend button any more.
  await expect(teacherPage.getByRole("status").filter({ hasText: "The score is being sent again" })).toBeVisible();
  await expect(teacherPage.getByRole("rowgroup").filter({ hasText: "Sol Scored" }).locator("tr[data-status]").getByRole("button", { name: "Resend" })).toHaveCount(0);
  await expect.poll(() => mine().length, { timeout: 20_000 }).toBe(2);
  await expect.poll(async () => (await newest())?.status).toBe("sent");
  await teacherPage.reload();
  await expect(teacherPage.getByRole("rowgroup").filter({ hasText: "Sol Scored" }).locator("tr[data-status]")).toHaveAttribute("data-status", "sent");
  await teacherContext.close();
  await studentContext.close();
});


test("roster sync (NRPS): the instructor syncs the course's learners into the class before they launch; one the LMS drops is un-enrolled, their account and work kept", async ({ browser, baseURL }) => {
  platform.trustTool(`${baseURL}/api/lti/jwks`);
  platform.scoreAnswer({});
  const loginUrl = `${baseURL}/api/lti/login`;
  const course = `course-nrps-${Date.now()}`;
  const teacher = spec(baseURL!, { name: "Rita Roster", roles: ROLES.instructor, contextId: course, contextTitle: "Synced course", targetLinkUri: `${baseURL}/course` });
  const teacherContext = await browser.newContext();
  const teacherPage = await teacherContext.newPage();
  await teacherPage.goto(platform.startUrl(teacher, loginUrl));
  await expect(teacherPage).toHaveURL(`${baseURL}/course`);
  const db = testDb();
  const link = await db.ltiContextLink.findFirstOrThrow({ where: { contextId: course }, select: { classId: true, membershipsUrl: true } });
  expect(link.membershipsUrl).toBe(`${platform.issuer}/memberships/${course}`);
  const classId = link.classId;

  // One learner has launched (and submitted a unit's quiz); two have not.
  const ann = spec(baseURL!, { name: "Ann Launched", contextId: course, targetLinkUri: `${baseURL}/course`, custom: { unit: "lone-wolf" } });
  const annContext = await browser.newContext();
  const annPage = await annContext.newPage();
  await annPage.goto(platform.startUrl(ann, loginUrl));
  await expect(annPage).toHaveURL(`${baseURL}/lessons/lone-wolf`);
  const submitted = await annPage.request.post("/api/attempts", {
    data: { lessonSlug: "lone-wolf", quizId: "lone-wolf-quiz", submissionKey: `nrps-${Date.now()}`, answers: {} },
    headers: { "Content-Type": "application/json" },
  });
  expect(submitted.status(), await submitted.text()).toBe(200);
  await annContext.close();
  const ben = { user_id: `${course}-ben`, roles: ROLES.learner, given_name: "Ben", family_name: "Notyet", email: "ben@school.example" };
  const cal = { user_id: `${course}-cal`, roles: ROLES.learner, name: "Cal Notyet" };
  platform.setMembers(course, [{ user_id: teacher.sub, roles: ROLES.instructor, name: "Rita Roster" }, { user_id: ann.sub, roles: ROLES.learner, name: "Ann Launched" }, ben, cal]);

  // The LMS does not grant the roster scope: a clear error, nothing changes.
  platform.grantRoster(false);
  await teacherPage.goto(`/instructor/classes/${classId}`);
  await teacherPage.getByRole("link", { name: "sync the roster from the LMS" }).click();
  const section = teacherPage.getByTestId("lms-roster");
  await expect(section.getByText("Not synced yet.")).toBeVisible();
  await section.getByRole("button", { name: "Sync the roster from the LMS" }).click();
  await expect(section.locator(".form-error")).toContainText("refused the tool's access token request: HTTP 400");
  expect(await db.enrollment.count({ where: { classId } })).toBe(1);

  // Granted: the two learners who never launched are added, two pages read.
  platform.grantRoster(true);
  const pagesBefore = platform.membershipPages();
  await teacherPage.reload();
  await section.getByRole("button", { name: "Sync the roster from the LMS" }).click();
  await expect(section.locator(".form-success")).toContainText("Roster synced: 2 added, 0 removed, 1 unchanged.");
  expect(platform.membershipPages() - pagesBefore).toBe(2);
  await teacherPage.reload();
  await expect(section.getByTestId("roster-last-sync")).toContainText("2 added, 0 removed, 1 unchanged.");
  expect(await axeViolations(teacherPage), "axe on the roster page with the LMS sync").toEqual([]);
  await teacherPage.goto(`/instructor/classes/${classId}`);
  const grid = teacherPage.getByRole("region", { name: "Progress grid" });
  await expect(grid.locator("tbody tr")).toHaveCount(3);
  for (const name of ["Ben Notyet", "Cal Notyet"]) {
    const row = grid.locator("tbody tr").filter({ hasText: name });
    await expect(row.locator('td[data-unit="lone-wolf"]')).toHaveText("Not started");
    await expect(row.locator('td[data-label="Last active"]')).toHaveText("never");
  }
  await expect(grid.locator("tbody tr").filter({ hasText: "Ann Launched" }).locator('td[data-unit="lone-wolf"]')).not.toHaveText("Not started");

  // Ben's first launch finds the account the sync made: no second account.
  const benAccount = await db.user.findFirstOrThrow({ where: { ltiLinks: { some: { issuer: platform.issuer, sub: ben.user_id } } }, select: { id: true, email: true } });
  expect(benAccount.email).not.toContain("school.example"); // the LMS's email is not kept
  const benContext = await browser.newContext();
  const benPage = await benContext.newPage();
  await benPage.goto(platform.startUrl(spec(baseURL!, { sub: ben.user_id, name: "Ben Notyet", contextId: course, targetLinkUri: `${baseURL}/course` }), loginUrl));
  await expect(benPage).toHaveURL(`${baseURL}/course`);
  await benContext.close();
  expect(await db.user.count({ where: { ltiLinks: { some: { issuer: platform.issuer, sub: ben.user_id } } } })).toBe(1);
  expect(await db.enrollment.count({ where: { classId, userId: benAccount.id } })).toBe(1);

  // The LMS drops Ann: the next sync un-enrols her; her account and her attempt stay.
  platform.setMembers(course, [{ user_id: teacher.sub, roles: ROLES.instructor }, ben, { ...cal, status: "Active" }]);
  await teacherPage.goto(`/instructor/classes/${classId}/roster`);
  await section.getByRole("button", { name: "Sync the roster from the LMS" }).click();
  await expect(section.locator(".form-success")).toContainText("Roster synced: 0 added, 1 removed, 2 unchanged.");
  await teacherPage.goto(`/instructor/classes/${classId}`);
  await expect(grid.locator("tbody tr")).toHaveCount(2);
  await expect(grid).not.toContainText("Ann Launched");
  const annAccount = await db.user.findFirstOrThrow({ where: { ltiLinks: { some: { issuer: platform.issuer, sub: ann.sub } } }, select: { id: true } });
  expect(await db.quizAttempt.count({ where: { userId: annAccount.id } })).toBeGreaterThan(0);
  expect(await db.enrollment.count({ where: { classId, userId: annAccount.id } })).toBe(0);

  // Another instructor's LMS class cannot sync this one: the form with this class's id is refused.
  const otherCourse = `${course}-other`;
  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await otherPage.goto(platform.startUrl(spec(baseURL!, { name: "Otto Other", roles: ROLES.instructor, contextId: otherCourse, targetLinkUri: `${baseURL}/course` }), loginUrl));
  await expect(otherPage).toHaveURL(`${baseURL}/course`);
  const otherClassId = (await db.ltiContextLink.findFirstOrThrow({ where: { contextId: otherCourse }, select: { classId: true } })).classId;
  expect((await otherPage.goto(`/instructor/classes/${classId}/roster`))?.status()).toBe(403);
  await otherPage.goto(`/instructor/classes/${otherClassId}/roster`);
  const syncedAt = (await db.ltiContextLink.findFirstOrThrow({ where: { classId }, select: { rosterSyncedAt: true } })).rosterSyncedAt;
  const otherSection = otherPage.getByTestId("lms-roster");
  await otherSection.locator('input[name="classId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), classId);
  await otherSection.getByRole("button", { name: "Sync the roster from the LMS" }).click();
  await expect(otherSection.locator(".form-error")).toContainText("only your own classes");
  expect((await db.ltiContextLink.findFirstOrThrow({ where: { classId }, select: { rosterSyncedAt: true } })).rosterSyncedAt).toEqual(syncedAt);
  expect(await db.enrollment.count({ where: { classId } })).toBe(2);
  await otherContext.close();
  await teacherContext.close();
});
