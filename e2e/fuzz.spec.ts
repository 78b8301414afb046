// Bad input at volume: malformed, oversized, wrongly-typed and hostile payloads sent to every
// input the app has. Each gets a 4xx (or the form's own message), never a 500, and a refused
// request stores nothing. Names are rendered as text, never as markup.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { JOIN_CODE, PASSWORD, accounts, signInAs, uniqueEmail } from "./fixtures";
import { rowsOf, testDb } from "./db";

const HOSTILE_STRINGS = [
  "",
  " ",
  "<script>window.__pwned=1</script>",
  '"><img src=x onerror="window.__pwned=1">',
  "'; DROP TABLE User; --",
  "1 OR 1=1",
  "admin'--",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "%00%0d%0a",
  "\u0000",
  "\u202e\u0644\u0627 RTL override",
  "\u200b\u200c\u200d\ufeff",
  "😀👍🏽👨‍👩‍👧‍👦",
  "\ud800",
  "a".repeat(10_000),
  "=HYPERLINK(\"http://example.org\")",
  "NaN",
  "-1",
  "1e309",
];
const WRONG_TYPES: unknown[] = [null, 0, -1, 1.5, true, [], {}, ["a"], { $gt: "" }, { toString: "x" }];
const ALL_VALUES: unknown[] = [...HOSTILE_STRINGS, ...WRONG_TYPES];

let tried = 0;
/** Percent-encodes any string, lone surrogates included (as the UTF-8 bytes a client could send). */
const encode = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return "%ED%A0%80";
  }
};
async function expectRefused(res: Awaited<ReturnType<APIRequestContext["post"]>>, what: string) {
  tried++;
  expect(res.status(), `${what} → ${res.status()}`).toBeGreaterThanOrEqual(400);
  expect(res.status(), `${what} → ${res.status()}`).toBeLessThan(500);
  const body = await res.text();
  expect(body, what).not.toMatch(/at \w+ \(|node_modules|SqliteError|PrismaClient|Invalid `/);
}

test("sign-up: every field with every hostile or wrongly-typed value", async ({ request }) => {
  test.setTimeout(120_000);
  const valid = { name: "Fuzz Student", email: "fuzz@example.org", password: PASSWORD, joinCode: "ZZZZ-0000" };
  const emails = new Set<string>([valid.email]);
  for (const field of Object.keys(valid)) {
    for (const value of ALL_VALUES) {
      // The join code stays wrong, so no valid combination can create an account.
      if (field === "email" && typeof value === "string") emails.add(value.trim().toLowerCase());
      const res = await request.post("/api/signup", { data: { ...valid, [field]: value }, headers: { "X-Forwarded-For": "198.51.100.1" } });
      await expectRefused(res, `signup ${field}=${JSON.stringify(value)?.slice(0, 40)}`);
    }
  }
  for (const body of ["", "{", "[]", "null", '"text"', "x".repeat(20_000), JSON.stringify({ ...valid, extra: 1, joinCode: JOIN_CODE, email: "e@" })]) {
    await expectRefused(await request.post("/api/signup", { data: body, headers: { "Content-Type": "application/json", "X-Forwarded-For": "198.51.100.1" } }), `signup body ${body.slice(0, 20)}`);
  }
  // Nothing was stored for any address tried (none of these requests could succeed).
  // (Values no database can hold as text are left out of the lookup: PostgreSQL refuses NUL.)
  const storable = [...emails].filter((e) => !e.includes("\ud800") && !e.includes("\u0000"));
  expect(await testDb().user.count({ where: { email: { in: storable } } })).toBe(0);
});

test("sign-in: hostile credentials are refused without an error page", async ({ request }) => {
  test.setTimeout(120_000);
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  for (const value of HOSTILE_STRINGS) {
    for (const field of ["email", "password"]) {
      const form = { csrfToken, email: "nobody@example.org", password: "wrong-password", json: "true", [field]: value };
      const res = await request.post("/api/auth/callback/credentials", { form, headers: { "X-Forwarded-For": `198.51.100.${tried % 200}` } });
      tried++;
      expect(res.status(), `${field}=${value.slice(0, 30)}`).toBeLessThan(500);
      // Many failures for one address or account end in a temporary block: also a refusal.
      expect((await res.json()).url).toMatch(/error=(CredentialsSignin|TooManyAttempts)|csrf=true/);
    }
  }
});

test("quiz submissions, progress and status: malformed structures and values", async ({ page }) => {
  test.setTimeout(120_000);
  // A user of its own, so that the row counts below see no other test's writes.
  const email = uniqueEmail("fuzzer");
  expect((await page.request.post("/api/signup", { data: { name: "Fuzzer", email, password: PASSWORD, joinCode: JOIN_CODE } })).status()).toBe(201);
  await signInAs(page, email);
  const before = await rowsOf(email);
  const base = { lessonSlug: "lone-wolf", quizId: "lone-wolf-quiz", submissionKey: "fuzz-key-000000", answers: {} as Record<string, unknown> };
  for (const field of ["lessonSlug", "quizId", "submissionKey", "answers", "timings", "startedAt"]) {
    for (const value of ALL_VALUES) {
      if (field === "answers" && value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) continue; // {} is valid
      if (field === "timings" && value && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 0) continue;
      const res = await page.request.post("/api/attempts", { data: { ...base, submissionKey: `fuzz-${tried}-key`, [field]: value } });
      await expectRefused(res, `attempt ${field}=${JSON.stringify(value)?.slice(0, 40)}`);
    }
  }
  for (const value of ALL_VALUES) {
    const res = await page.request.post("/api/attempts", { data: { ...base, submissionKey: `fuzz-${tried}-key`, answers: { "u1-label-claim": value } } });
    await expectRefused(res, `attempt answer=${JSON.stringify(value)?.slice(0, 40)}`);
    const res2 = await page.request.post("/api/attempts", { data: { ...base, submissionKey: `fuzz-${tried}-key`, answers: { "u1-label-claim": { choice: value } } } });
    await expectRefused(res2, `attempt choice=${JSON.stringify(value)?.slice(0, 40)}`);
    await expectRefused(await page.request.post("/api/progress", { data: { lesson: value } }), `progress lesson=${JSON.stringify(value)?.slice(0, 40)}`);
    const q = typeof value === "string" ? value : JSON.stringify(value) ?? "";
    const status = await page.request.get(`/api/quiz-status?lesson=${encode(q)}&quiz=${encode(q)}`);
    tried++;
    expect(status.status()).toBeGreaterThanOrEqual(400);
    expect(status.status()).toBeLessThan(500);
  }
  expect(await rowsOf(email)).toEqual(before);
  expect(before).toMatchObject({ attempts: 0, answers: 0, progress: 0 });
});

test("page routes with hostile path segments answer 4xx, never 500", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.author);
  for (const value of HOSTILE_STRINGS.filter(Boolean)) {
    for (const prefix of ["/lessons/", "/preview/", "/instructor/classes/"]) {
      const res = await page.request.get(prefix + encode(value.slice(0, 2000)));
      tried++;
      expect(res.status(), `${prefix}${value.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
      expect(res.status(), `${prefix}${value.slice(0, 30)}`).toBeLessThan(500);
    }
  }
  // Query parameters of the instructor and admin pages: ignored or clamped, never a 500.
  await signInAs(page, accounts.admin);
  const demo = await testDb().class.findFirstOrThrow({ where: { joinCode: "DEMO-2026" }, select: { id: true } });
  for (const value of HOSTILE_STRINGS) {
    const v = encode(value.slice(0, 2000));
    for (const url of [
      `/instructor/classes/${demo.id}?sort=${v}&dir=${v}&unit=${v}&status=${v}&q=${v}&page=${v}`,
      `/instructor/classes/${demo.id}/items?unit=${v}`,
      `/instructor/classes/${demo.id}/export/${v}`,
      `/admin/users?q=${v}&page=${v}`,
    ]) {
      const res = await page.request.get(url);
      tried++;
      expect(res.status(), `${url.slice(0, 80)}`).toBeLessThan(500);
    }
  }
  await signInAs(page, accounts.author);
  await expectRefused(await page.request.post("/api/account/delete", { data: { password: ["x"], confirm: "DELETE" } }), "delete password=[x]");
  await expectRefused(await page.request.post("/api/account/delete", { data: "{" , headers: { "Content-Type": "application/json" } }), "delete body {");
});

test("a hostile name is stored as text and shown as text", async ({ page, browser }) => {
  const name = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  const email = uniqueEmail("hostile");
  const res = await page.request.post("/api/signup", { data: { name, email, password: PASSWORD, joinCode: JOIN_CODE } });
  expect(res.status()).toBe(201);
  tried++;
  const teacher = await (await browser.newContext()).newPage();
  await signInAs(teacher, accounts.instructor);
  await teacher.goto("/instructor");
  await teacher.getByRole("link", { name: "Demo class" }).click();
  await expect(teacher.locator(`tr[data-student="${email}"] th`)).toContainText(name);
  expect(await teacher.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await teacher.locator('img[src="x"]').count()).toBe(0);
});

test.afterAll(() => {
  console.log(`fuzz: ${tried} hostile, malformed or wrongly-typed inputs tried`);
});
