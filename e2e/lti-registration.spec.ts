// LTI Dynamic Registration against the test platform (e2e/lti/platform.ts, a platform of this
// file's own on a free port of 127.0.0.1): the LMS opens the tool's registration URL with its
// openid_configuration and registration_token; an admin confirms; the tool posts its
// registration (checked here as the platform received it), stores the platform, tells the LMS
// window it is done, and the platform's users then launch. Refusals: anyone but an admin, an
// issuer on another host than its configuration, a registration the platform refuses.
import { expect, test, type Page } from "@playwright/test";
import { accounts, axeViolations, PASSWORD, signInAs } from "./fixtures";
import { testDb } from "./db";
import { rawRequest } from "./http";
import { ROLES, startPlatform, type Platform } from "./lti/platform";

let platform: Platform;

test.beforeAll(async () => {
  platform = await startPlatform(0, `dynreg-client-${Date.now()}`);
});
test.afterAll(async () => {
  await testDb().ltiPlatform.deleteMany({ where: { issuer: platform.issuer } });
  await platform.stop();
});

const registerPath = (kind?: "valid" | "other-issuer" | "failing", token = platform.registration.token) =>
  `/api/lti/register?${new URLSearchParams({ openid_configuration: platform.registration.configUrl(kind), registration_token: token })}`;
const stored = () => testDb().ltiPlatform.findMany({ where: { issuer: platform.issuer }, select: { clientId: true, name: true, authUrl: true, tokenUrl: true, jwksUrl: true, deployments: { select: { deploymentId: true } } } });

/** A page of the LMS (another site) that opens the registration in a window and keeps the message it gets back. */
async function openFromLms(page: Page, path: string, baseURL: string): Promise<Page> {
  await page.goto(`${platform.issuer}/jwks`);
  const popup = page.context().waitForEvent("page");
  await page.evaluate((url) => {
    window.addEventListener("message", (e) => ((window as unknown as { closeMessage: unknown }).closeMessage = e.data));
    window.open(url, "registration");
  }, baseURL + path);
  return popup;
}

test("an admin registers the platform through its registration URL; the LMS is told to close the window; its users launch", async ({ page, browser, baseURL }) => {
  await signInAs(page, accounts.admin);
  const registration = await openFromLms(page, registerPath(), baseURL!);
  await expect(registration.getByRole("heading", { level: 1 })).toHaveText("Register this learning platform");
  await expect(registration.getByText(platform.issuer, { exact: true })).toBeVisible();
  expect(await axeViolations(registration), "axe on the confirmation").toEqual([]);
  expect(platform.registration.requests()).toHaveLength(0);
  expect(await stored()).toEqual([]);

  const answer = registration.waitForResponse((r) => r.url() === `${baseURL}/api/lti/register` && r.request().method() === "POST");
  await registration.getByRole("button", { name: "Register" }).click();
  expect((await answer).headers()["cross-origin-opener-policy"]).toBe("unsafe-none");
  await expect(registration.getByText("Registered. You can close this window.")).toBeVisible();
  expect(await axeViolations(registration), "axe on the last page").toEqual([]);
  await expect.poll(() => page.evaluate(() => (window as unknown as { closeMessage: unknown }).closeMessage)).toEqual({ subject: "org.imsglobal.lti.close" });

  // What the platform received: the tool's addresses, its keys, the scopes, its messages.
  const [posted] = platform.registration.requests();
  expect(platform.registration.requests()).toHaveLength(1);
  expect(posted.authorization).toBe(`Bearer ${platform.registration.token}`);
  expect(posted.body).toMatchObject({
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: `${baseURL}/api/lti/login`,
    redirect_uris: [`${baseURL}/api/lti/launch`],
    jwks_uri: `${baseURL}/api/lti/jwks`,
    token_endpoint_auth_method: "private_key_jwt",
    client_name: "Behind the Headline",
  });
  expect(String(posted.body.scope).split(" ")).toEqual(
    expect.arrayContaining(["https://purl.imsglobal.org/spec/lti-ags/scope/score", "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"]),
  );
  const tool = posted.body["https://purl.imsglobal.org/spec/lti-tool-configuration"] as { domain: string; target_link_uri: string; messages: { type: string; target_link_uri?: string }[] };
  expect(tool.domain).toBe(new URL(baseURL!).host);
  expect(tool.messages).toEqual(expect.arrayContaining([expect.objectContaining({ type: "LtiResourceLinkRequest" }), expect.objectContaining({ type: "LtiDeepLinkingRequest", target_link_uri: `${baseURL}/api/lti/launch` })]));

  // Stored as the form on /admin/lti would.
  expect(await stored()).toEqual([
    { clientId: platform.clientId, name: `test-lms at ${new URL(platform.issuer).host}`, authUrl: platform.urls.auth, tokenUrl: platform.urls.token, jwksUrl: platform.urls.jwks, deployments: [{ deploymentId: platform.deploymentId }] },
  ]);
  await page.goto("/admin/lti");
  await expect(page.getByText(`${baseURL}/api/lti/register`)).toBeVisible();
  await expect(page.locator(`li[data-platform="${platform.issuer}"]`)).toContainText(platform.deploymentId);

  // The platform's instructor launches into the tool through the new registration.
  const context = await browser.newContext();
  const teacher = await context.newPage();
  await teacher.goto(platform.startUrl({ sub: `dynreg-teacher-${Date.now()}`, name: "Dina Dynamic", roles: ROLES.instructor, contextId: "dynreg-course", targetLinkUri: `${baseURL}/course` }, `${baseURL}/api/lti/login`));
  await expect(teacher).toHaveURL(`${baseURL}/course`);
  const me = (await (await teacher.request.get("/api/me")).json()) as { user: { name: string; role: string } | null };
  expect(me.user).toMatchObject({ name: "Dina Dynamic", role: "instructor" });
  await context.close();

  // The same registration again: nothing new, and said so.
  await page.goto(registerPath());
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByText("This platform was registered already")).toBeVisible();
  expect(await stored()).toHaveLength(1);
});

test("shown in a frame of the LMS's page, it opens a window of its own, whose close message reaches the LMS", async ({ page, baseURL }) => {
  await testDb().ltiPlatform.deleteMany({ where: { issuer: platform.issuer } });
  await signInAs(page, accounts.admin);
  await page.goto(`${platform.issuer}/jwks`);
  await page.evaluate((url) => {
    window.addEventListener("message", (e) => ((window as unknown as { closeMessage: unknown }).closeMessage = e.data));
    const frame = document.createElement("iframe");
    frame.src = url;
    frame.title = "Tool registration";
    document.body.append(frame);
  }, baseURL + registerPath());
  const frame = page.frameLocator("iframe");
  // No Register button inside someone else's frame: only a link to a window of its own.
  await expect(frame.getByRole("link", { name: "Open the registration in a new window" })).toBeVisible();
  await expect(frame.getByRole("button", { name: "Register" })).toHaveCount(0);
  const popup = page.context().waitForEvent("page");
  await frame.getByRole("link", { name: "Open the registration in a new window" }).click();
  const registration = await popup;
  await registration.getByRole("button", { name: "Register" }).click();
  await expect(registration.getByText("Registered. You can close this window.")).toBeVisible();
  await expect.poll(() => page.evaluate(() => (window as unknown as { closeMessage: unknown }).closeMessage)).toEqual({ subject: "org.imsglobal.lti.close" });
  expect(await stored()).toHaveLength(1);
});

test("someone not signed in is asked to sign in, and comes back to the same registration", async ({ page, baseURL }) => {
  await page.goto(registerPath());
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to register this platform");
  expect(await axeViolations(page), "axe on the sign-in request").toEqual([]);
  await page.getByRole("link", { name: "Sign in as an admin" }).click();
  // Loaded (as page.goto waits for), so that the form is the app's and not yet a plain GET form.
  await page.waitForURL(/\/signin\?callbackUrl=/, { waitUntil: "load" });
  await page.getByLabel("Email").fill(accounts.admin);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${baseURL}${registerPath()}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Register this learning platform");
});

test("an instructor is refused, before anything is fetched, and nothing is stored", async ({ page, baseURL }) => {
  await testDb().ltiPlatform.deleteMany({ where: { issuer: platform.issuer } });
  const posted = platform.registration.requests().length;
  await signInAs(page, accounts.instructor);
  const shown = await page.goto(registerPath());
  expect(shown?.status()).toBe(403);
  await expect(page.locator("#reason")).toContainText("Only an admin");
  const form = { openid_configuration: platform.registration.configUrl(), registration_token: platform.registration.token };
  const res = await page.request.post("/api/lti/register", { form, headers: { Origin: baseURL! } });
  expect(res.status()).toBe(403);
  const anonymous = await rawRequest(baseURL!, "/api/lti/register", { headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL! }, body: new URLSearchParams(form).toString() });
  expect(anonymous.status).toBe(401);
  expect(platform.registration.requests()).toHaveLength(posted);
  expect(await stored()).toEqual([]);
});

test("refused with a page that says why, and nothing stored: an issuer on another host, a registration the platform refuses, a wrong token, a post from another site", async ({ page, baseURL }) => {
  await testDb().ltiPlatform.deleteMany({ where: { issuer: platform.issuer } });
  const posted = platform.registration.requests().length;
  await signInAs(page, accounts.admin);

  const elsewhere = await page.goto(registerPath("other-issuer"));
  expect(elsewhere?.status()).toBe(400);
  await expect(page.locator("#reason")).toContainText("on another site than its configuration");
  expect(await axeViolations(page), "axe on a refusal").toEqual([]);
  const postedElsewhere = await page.request.post("/api/lti/register", { form: { openid_configuration: platform.registration.configUrl("other-issuer"), registration_token: platform.registration.token }, headers: { Origin: baseURL! } });
  expect(postedElsewhere.status()).toBe(400);

  await page.goto(registerPath("failing"));
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This platform could not be registered");
  await expect(page.locator("#reason")).toContainText("Test LMS refuses every registration here");

  await page.goto(registerPath("valid", "not-the-token"));
  await page.getByRole("button", { name: "Register" }).click();
  await expect(page.locator("#reason")).toContainText("HTTP 401");

  const crossSite = await page.request.post("/api/lti/register", { form: { openid_configuration: platform.registration.configUrl(), registration_token: platform.registration.token }, headers: { Origin: platform.issuer } });
  expect(crossSite.status()).toBe(403);

  for (const bad of ["http://lms.example.org/.well-known/openid-configuration", "javascript:alert(1)", `${platform.issuer}/nothing-here`]) {
    const res = await page.goto(`/api/lti/register?${new URLSearchParams({ openid_configuration: bad })}`);
    expect(res?.status(), bad).toBe(400);
  }
  expect(platform.registration.requests()).toHaveLength(posted);
  expect(await stored()).toEqual([]);
});
