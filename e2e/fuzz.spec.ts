// Bad input at volume: malformed, oversized, wrongly-typed and hostile payloads sent to every
// input the app has. Each gets a 4xx (or the form's own message), never a 500, and a refused
// request stores nothing. Names are rendered as text, never as markup.
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { JOIN_CODE, PASSWORD, accounts, signInAs, uniqueEmail } from "./fixtures";
import { rowsOf, testDb } from "./db";
import { cookieHeader, rawRequest, type RawResponse } from "./http";

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
const INTERNALS = /at \w+ \(|node_modules|SqliteError|PrismaClient|Invalid `|digest/;
async function expectRefused(res: Awaited<ReturnType<APIRequestContext["post"]>>, what: string) {
  tried++;
  expect(res.status(), `${what} → ${res.status()}`).toBeGreaterThanOrEqual(400);
  expect(res.status(), `${what} → ${res.status()}`).toBeLessThan(500);
  const body = await res.text();
  expect(body, what).not.toMatch(INTERNALS);
}
/** The same for a raw request (e2e/http.ts): a 4xx with a message, no internals. */
function expectRawRefused(res: RawResponse, what: string, status?: number) {
  tried++;
  if (status) expect(res.status, `${what}: ${res.body.slice(0, 120)}`).toBe(status);
  expect(res.status, `${what}: ${res.body.slice(0, 120)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.body.trim().length, `${what} says why`).toBeGreaterThan(10);
  expect(res.body, what).not.toMatch(INTERNALS);
}

test("sign-up: every field with every hostile or wrongly-typed value", async ({ baseURL }) => {
  test.setTimeout(120_000);
  // From a network of its own (a loopback address), so its refused sign-ups count only there.
  const signUp = (data: string) => rawRequest(baseURL!, "/api/signup", { from: "127.0.0.41", headers: { "Content-Type": "application/json" }, body: data });
  const valid = { name: "Fuzz Student", email: "fuzz@example.org", password: PASSWORD, joinCode: "ZZZZ-0000" };
  const emails = new Set<string>([valid.email]);
  for (const field of Object.keys(valid)) {
    for (const value of ALL_VALUES) {
      // The join code stays wrong, so no valid combination can create an account.
      if (field === "email" && typeof value === "string") emails.add(value.trim().toLowerCase());
      expectRawRefused(await signUp(JSON.stringify({ ...valid, [field]: value })), `signup ${field}=${JSON.stringify(value)?.slice(0, 40)}`);
    }
  }
  for (const body of ["", "{", "[]", "null", '"text"', "x".repeat(20_000), JSON.stringify({ ...valid, extra: 1, joinCode: JOIN_CODE, email: "e@" })]) {
    expectRawRefused(await signUp(body), `signup body ${body.slice(0, 20)}`);
  }
  // Nothing was stored for any address tried (none of these requests could succeed).
  // (Values no database can hold as text are left out of the lookup: PostgreSQL refuses NUL.)
  const storable = [...emails].filter((e) => !e.includes("\ud800") && !e.includes("\u0000"));
  expect(await testDb().user.count({ where: { email: { in: storable } } })).toBe(0);
});

test("sign-in: hostile credentials are refused without an error page", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const csrf = await rawRequest(baseURL!, "/api/auth/csrf", { method: "GET" });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  let n = 0;
  for (const value of HOSTILE_STRINGS) {
    for (const field of ["email", "password"]) {
      const form = { csrfToken, email: "nobody@example.org", password: "wrong-password", json: "true", [field]: value };
      // Spread over loopback addresses (networks), so that no other test's network is slowed.
      const res = await rawRequest(baseURL!, "/api/auth/callback/credentials", {
        from: `127.0.1.${(n++ % 20) + 1}`,
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
        body: new URLSearchParams(form).toString(),
      });
      tried++;
      expect(res.status, `${field}=${value.slice(0, 30)}`).toBeLessThan(500);
      // Many failures for one address or account end in a temporary block: also a refusal.
      expect((JSON.parse(res.body) as { url: string }).url).toMatch(/error=(CredentialsSignin|TooManyAttempts)|csrf=true/);
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
  // Numbers past what a Date can hold (±8.64e15 ms).
  for (const value of [8_640_000_000_000_001, Number.MAX_SAFE_INTEGER, 1e300]) {
    await expectRefused(await page.request.post("/api/attempts", { data: { ...base, submissionKey: `fuzz-${tried}-key`, startedAt: value } }), `attempt startedAt=${value}`);
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

/** Each server action's id and a page that serves it, from the build's manifest. */
function serverActions(): { name: string; id: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((w) => !w.includes("[")) ?? "app/page";
    const page = worker.replace(/^app/, "").replace(/\/\([^)]*\)/g, "").replace(/\/page$/, "") || "/";
    return { name: entry.exportedName ?? id, id, page };
  });
}

/** A multipart body as React encodes `action(previousState, formData)`, with `args` as its argument list. */
function multipart(fields: Record<string, string>, boundary = "----fuzzboundary") {
  return Object.entries(fields)
    .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join("")
    .concat(`--${boundary}--\r\n`);
}
const MULTIPART = "multipart/form-data; boundary=----fuzzboundary";

test("server actions: non-form bodies, garbage, oversized and cross-site posts get a 4xx that says why", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await signInAs(page, accounts.admin);
  const cookie = await cookieHeader(page.context());
  const actions = serverActions();
  expect(actions.length).toBeGreaterThanOrEqual(6);
  // Rows these calls could change, as the admin (tests run in parallel: no whole-table counts).
  const changeable = async () => ({ ...(await rowsOf(accounts.admin)), admins: await testDb().user.count({ where: { role: "admin" } }) });
  const before = await changeable();
  const send = (a: { id: string; page: string }, body: string, type: string, extra: Record<string, string> = {}) =>
    rawRequest(baseURL!, a.page, { headers: { Cookie: cookie, "Next-Action": a.id, "Content-Type": type, Accept: "text/x-component", ...extra }, body });
  const form = multipart({ "1_name": "Fuzz", "1_classId": "x", "1_joinCode": "ZZZZ-0000", "1_userId": "x", "1_role": "student", "0": '[null,"$K1"]' });

  for (const a of [...actions, { name: "unknown action", id: "00".repeat(21), page: "/account" }]) {
    expectRawRefused(await send(a, "garbage{", "text/plain;charset=UTF-8"), `${a.name}: text/plain garbage`);
    expectRawRefused(await send(a, '["a","b"]', "text/plain;charset=UTF-8"), `${a.name}: arguments without a form`);
    expectRawRefused(await send(a, "{}", "application/json"), `${a.name}: JSON`);
    expectRawRefused(await send(a, "joinCode=x", "application/x-www-form-urlencoded"), `${a.name}: urlencoded`);
    expectRawRefused(await send(a, "garbage", MULTIPART), `${a.name}: multipart garbage`);
    expectRawRefused(await send(a, multipart({ "0": "garbage{" }), MULTIPART), `${a.name}: multipart, arguments not JSON`);
    expectRawRefused(await send(a, multipart({ "0": '["a","b"]' }), MULTIPART), `${a.name}: multipart, arguments without a form`);
    expectRawRefused(await send(a, form, MULTIPART, { Origin: "http://localhost:1" }), `${a.name}: from another origin`, 403);
    expectRawRefused(await send(a, form, MULTIPART, { "Sec-Fetch-Site": "same-site" }), `${a.name}: from a sibling site`, 403);
    const big = multipart({ "0": '[null,"$K1"]', "1_name": "x".repeat(2 * 1024 * 1024) });
    expectRawRefused(await send(a, big, MULTIPART), `${a.name}: 2 MB body`, 413);
  }
  // Forms posted without script (React's $ACTION fields), garbled.
  const noScript: Record<string, string>[] = [{ "$ACTION_REF_1": "", "$ACTION_1:0": "garbage", "$ACTION_KEY": "k" }, { "$ACTION_REF_1": "", "$ACTION_1:0": `{"id":"${actions[0].id}","bound":"$@1"}`, "$ACTION_1:1": "garbage", "$ACTION_KEY": "k" }];
  for (const fields of noScript) {
    expectRawRefused(await rawRequest(baseURL!, actions[0].page, { headers: { Cookie: cookie, "Content-Type": MULTIPART }, body: multipart(fields) }), `no-script form ${JSON.stringify(fields).slice(0, 60)}`);
  }
  // A huge chunked body: refused at the limit. (Next.js answers for the proxy only once the
  // upload has ended; it keeps at most 128 KB of it meanwhile. JSON routes answer at once: below.)
  const chunked = await rawRequest(baseURL!, actions[0].page, { headers: { Cookie: cookie, "Next-Action": actions[0].id, "Content-Type": MULTIPART }, chunked: { totalBytes: 64 * 1024 * 1024 } });
  expectRawRefused(chunked, "server action, 64 MB chunked", 413);
  // Nothing changed.
  expect(await changeable()).toEqual(before);
});

test("JSON routes stop reading a huge chunked body at their limit", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("chunked");
  expect((await page.request.post("/api/signup", { data: { name: "Chunked", email, password: PASSWORD, joinCode: JOIN_CODE } })).status()).toBe(201);
  await signInAs(page, email);
  const cookie = await cookieHeader(page.context());
  const total = 64 * 1024 * 1024;
  for (const [route, signedIn] of [["/api/signup", false], ["/api/progress", true], ["/api/account/delete", true], ["/api/attempts", true]] as const) {
    const res = await rawRequest(baseURL!, route, { headers: { "Content-Type": "application/json", ...(signedIn ? { Cookie: cookie } : {}) }, chunked: { totalBytes: total } });
    expectRawRefused(res, `${route}, 64 MB chunked`, 413);
    expect(res.uploadFinished, route).toBe(false);
    expect(res.bytesSent, route).toBeLessThan(total);
  }
  expect(await rowsOf(email)).toMatchObject({ user: 1, attempts: 0, progress: 0 });
});

test("LTI login and launch: malformed tokens, forms and parameters get a 4xx page, never a 500, and make nothing", async ({ baseURL }) => {
  test.setTimeout(120_000);
  const db = testDb();
  // A platform of the fuzz test's own, whose keys are never fetched: every token below fails
  // before its signature is checked.
  const issuer = "https://fuzz-lms.example.org";
  await db.ltiPlatform.deleteMany({ where: { issuer } });
  await db.ltiPlatform.create({
    data: { name: "Fuzz LMS", issuer, clientId: "fuzz-client", authUrl: `${issuer}/auth`, tokenUrl: `${issuer}/token`, jwksUrl: "http://127.0.0.1:1/jwks", deployments: { create: [{ deploymentId: "fuzz-1" }] } },
  });
  const valid = { iss: issuer, login_hint: "fuzz-user", target_link_uri: `${baseURL}/course`, client_id: "fuzz-client", lti_deployment_id: "fuzz-1" };
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const FORM = { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://fuzz-lms.example.org" };
  const strings = HOSTILE_STRINGS.map((v) => v.slice(0, 3000));

  for (const field of Object.keys(valid)) {
    for (const value of strings) {
      const params = { ...valid, [field]: value };
      // A lone surrogate cannot be URL-encoded by URLSearchParams: send its UTF-8 bytes raw.
      const query = Object.entries(params).map(([k, v]) => `${k}=${encode(v)}`).join("&");
      const got = await rawRequest(baseURL!, `/api/lti/login?${query}`, { method: "GET" });
      if (got.status !== 302) expectRawRefused(got, `lti login GET ${field}=${value.slice(0, 30)}`);
      const posted = await rawRequest(baseURL!, "/api/lti/login", { headers: FORM, body: query });
      if (posted.status !== 302) expectRawRefused(posted, `lti login POST ${field}=${value.slice(0, 30)}`);
    }
  }
  for (const [body, type] of [["{}", "application/json"], ["garbage", "text/plain"], ["%%%", "application/x-www-form-urlencoded"], ["", "application/x-www-form-urlencoded"]]) {
    expectRawRefused(await rawRequest(baseURL!, "/api/lti/login", { headers: { "Content-Type": type }, body }), `lti login body ${type} ${body}`);
    expectRawRefused(await rawRequest(baseURL!, "/api/lti/launch", { headers: { "Content-Type": type }, body }), `lti launch body ${type} ${body}`);
  }
  expectRawRefused(await rawRequest(baseURL!, "/api/lti/launch", { headers: FORM, chunked: { totalBytes: 16 * 1024 * 1024 } }), "lti launch, 16 MB chunked", 413);

  /** A fresh login's state and cookie, so that a token gets as far as the launch reads it. */
  const login = async () => {
    const res = await rawRequest(baseURL!, `/api/lti/login?${form(valid)}`, { method: "GET" });
    expect(res.status, res.body).toBe(302);
    return { state: new URL(String(res.headers.location)).searchParams.get("state")!, cookie: String(res.headers["set-cookie"]?.[0]).split(";")[0] };
  };
  const b64 = (v: unknown) => Buffer.from(typeof v === "string" ? v : JSON.stringify(v)).toString("base64url");
  const TOKENS = [
    ...strings,
    "a.b.c",
    "...",
    `${b64({ alg: "none" })}.${b64({ iss: issuer })}.`,
    `${b64({ alg: "HS256" })}.${b64({ iss: issuer })}.${b64("sig")}`,
    `${b64("not json")}.${b64("not json")}.${b64("x")}`,
    `${b64({ alg: "RS256" })}.${b64([1, 2])}`,
    `${b64({ alg: "RS256", crit: ["x"] })}.${b64({})}.`,
    "e".repeat(70_000),
  ];
  for (const token of TOKENS) {
    const { state, cookie } = await login();
    const res = await rawRequest(baseURL!, "/api/lti/launch", { headers: { ...FORM, Cookie: cookie }, body: `id_token=${encode(token)}&state=${state}` });
    expectRawRefused(res, `lti launch id_token=${token.slice(0, 40)}`);
    expect(res.body, token.slice(0, 40)).toContain("<h1>");
  }
  for (const state of strings) {
    const { cookie } = await login();
    expectRawRefused(await rawRequest(baseURL!, "/api/lti/launch", { headers: { ...FORM, Cookie: cookie }, body: `id_token=a.b.c&state=${encode(state)}` }), `lti launch state=${state.slice(0, 30)}`);
  }
  expect(await db.ltiUserLink.count({ where: { issuer } })).toBe(0);
  expect(await db.ltiContextLink.count({ where: { issuer } })).toBe(0);
  await db.ltiPlatform.deleteMany({ where: { issuer } });
});

test("LTI deep linking: malformed and hostile picker forms and requests get a 4xx page, never a 500, and sign nothing", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.instructor);
  const cookie = await cookieHeader(page.context());
  const db = testDb();
  const issuer = "https://fuzz-dl-lms.example.org";
  await db.ltiPlatform.deleteMany({ where: { issuer } });
  const platform = await db.ltiPlatform.create({
    data: { name: "Fuzz DL LMS", issuer, clientId: "fuzz-dl-client", authUrl: `${issuer}/auth`, tokenUrl: `${issuer}/token`, jwksUrl: "http://127.0.0.1:1/jwks", deployments: { create: [{ deploymentId: "fuzz-dl-1" }] } },
    select: { id: true },
  });
  const { id: userId } = await db.user.findUniqueOrThrow({ where: { email: accounts.instructor }, select: { id: true } });
  // Signed as the app signs a deep linking request (server/lti/deep-link.ts, with login.ts's HMAC), so that hostile picks get past the signature.
  const sign = (fields: unknown) => {
    const body = Buffer.from(typeof fields === "string" ? fields : JSON.stringify(fields)).toString("base64url");
    return `${body}.${createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "").update(`lti-deep-link|${body}`).digest("base64url")}`;
  };
  const current = { n: randomBytes(12).toString("base64url"), u: userId, p: platform.id, d: "fuzz-dl-1", r: `${issuer}/return`, m: true, e: Math.floor(Date.now() / 1000) + 600 };
  const valid = sign(current);
  const post = (body: string, headers: Record<string, string> = {}) =>
    rawRequest(baseURL!, "/api/lti/deep-link", { headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers }, body });
  // The valid request with a real unit gets its answer: what follows is refused only for what it changes.
  const accepted = await post(`request=${valid}&pick:lone-wolf=on`);
  expect(accepted.status, accepted.body).toBe(200);
  expect(accepted.body).toContain(`action="${issuer}/return"`);

  const strings = HOSTILE_STRINGS.map((v) => v.slice(0, 3000));
  for (const value of strings) {
    expectRawRefused(await post(`request=${encode(value)}&pick:lone-wolf=on`), `deep link request=${value.slice(0, 30)}`);
    expectRawRefused(await post(`request=${valid}&pick=${encode(value)}`), `deep link pick=${value.slice(0, 30)}`);
    expectRawRefused(await post(`request=${valid}&${encode(`pick:${value}`)}=on`), `deep link pick:${value.slice(0, 30)}`);
    expectRawRefused(await post(`request=${valid}&pick:lone-wolf=${encode(value)}`), `deep link pick:lone-wolf=${value.slice(0, 30)}`);
    // The picker page with any request parameter is a page, never a 500.
    const picker = await rawRequest(baseURL!, `/instructor/lti/deep-link?request=${encode(value)}`, { method: "GET", headers: { Cookie: cookie } });
    expect(picker.status, `picker request=${value.slice(0, 30)}`).toBe(200);
    expect(picker.body).not.toMatch(INTERNALS);
  }
  // Signed by the app but not usable: someone else's, expired, another return address, another platform or deployment, garbage inside.
  for (const [what, signed] of [
    ["another user's", sign({ ...current, u: "someone-else" })],
    ["expired", sign({ ...current, e: 1 })],
    ["a script address", sign({ ...current, r: "javascript:alert(1)" })],
    ["no address", sign({ ...current, r: 7 })],
    ["an unknown platform", sign({ ...current, p: "nope" })],
    ["an unknown deployment", sign({ ...current, d: "nope" })],
    ["not JSON", sign("not json")],
    ["empty", sign({})],
    ["no request id", sign({ ...current, n: undefined })],
    ["an array", sign([1, 2])],
  ] as const) {
    expectRawRefused(await post(`request=${signed}&pick:lone-wolf=on`), `deep link request ${what}`);
  }
  for (const [body, type] of [["{}", "application/json"], ["garbage", "text/plain"], ["%%%", "application/x-www-form-urlencoded"], ["", "application/x-www-form-urlencoded"]]) {
    expectRawRefused(await post(body, { "Content-Type": type }), `deep link body ${type} ${body}`);
  }
  expectRawRefused(await post(`request=${valid}&pick:lone-wolf=on`, { Origin: issuer }), "deep link from the LMS's site", 403);
  expectRawRefused(await rawRequest(baseURL!, "/api/lti/deep-link", { headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie }, chunked: { totalBytes: 16 * 1024 * 1024 } }), "deep link, 16 MB chunked", 413);
  await db.ltiPlatform.deleteMany({ where: { issuer } });
});

test("LTI dynamic registration: hostile configuration addresses and tokens get a 4xx page, never a 500, and register nothing", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const db = testDb();
  await signInAs(page, accounts.admin);
  const admin = { Cookie: await cookieHeader(page.context()) };
  const FORM = { "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL! };
  // Nothing listens on port 1: a configuration address that passes the checks fails at once.
  const unreachable = "http://127.0.0.1:1/.well-known/openid-configuration";
  const addresses = [
    ...HOSTILE_STRINGS.map((v) => v.slice(0, 3000)),
    unreachable,
    "http://example.org/.well-known/openid-configuration",
    "https://user:pw@127.0.0.1:1/x",
    "https://127.0.0.1:1/x#frag",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:application/json,{}",
    "//127.0.0.1:1/x",
    `http://127.0.0.1:1/${"a".repeat(2100)}`,
  ];
  const cases = [...addresses.map((v) => ({ openid_configuration: v, registration_token: "t" })), ...HOSTILE_STRINGS.map((v) => ({ openid_configuration: unreachable, registration_token: v.slice(0, 5000) }))];
  for (const params of cases) {
    const query = Object.entries(params).map(([k, v]) => `${k}=${encode(v)}`).join("&");
    const what = `${params.openid_configuration.slice(0, 30)} / ${params.registration_token.slice(0, 20)}`;
    expectRawRefused(await rawRequest(baseURL!, `/api/lti/register?${query}`, { method: "GET", headers: admin }), `register GET ${what}`);
    expectRawRefused(await rawRequest(baseURL!, "/api/lti/register", { headers: { ...FORM, ...admin }, body: query }), `register POST ${what}`);
    const anonymous = await rawRequest(baseURL!, `/api/lti/register?${query}`, { method: "GET" });
    expectRawRefused(anonymous, `register GET, not signed in, ${what}`);
  }
  for (const [body, type] of [["{}", "application/json"], ["garbage", "text/plain"], ["%%%", "application/x-www-form-urlencoded"], ["", "application/x-www-form-urlencoded"], ["openid_configuration=a&openid_configuration=b", "application/x-www-form-urlencoded"]]) {
    expectRawRefused(await rawRequest(baseURL!, "/api/lti/register", { headers: { "Content-Type": type, Origin: baseURL!, ...admin }, body }), `register body ${type} ${body}`);
  }
  expectRawRefused(await rawRequest(baseURL!, "/api/lti/register", { headers: { ...FORM, ...admin }, chunked: { totalBytes: 16 * 1024 * 1024 } }), "register, 16 MB chunked", 413);
  expect(await db.ltiPlatform.count({ where: { issuer: { in: ["http://127.0.0.1:1", "https://127.0.0.1:1", "http://example.org", "https://example.org"] } } })).toBe(0);
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
