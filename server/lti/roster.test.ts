// Roster sync (NRPS): the pure parts (a member, a page, the next page, the plan), and a sync
// against a real schema with a platform faked as a fetch: the token's scope, paging, added
// learners with the account a launch finds later, removals that only un-enrol, join-code
// students kept, and each failure told in words and recorded.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createScratchDatabase } from "@/lib/test/scratch-database";
import type { OwnClass } from "@/server/reports/classes";
import { NRPS_SCOPE } from "./claims";
import type { Member } from "./roster";

const scratch = await createScratchDatabase();
process.env.DATABASE_URL = scratch.url;
const { db } = await import("@/server/db");
const { forgetTokens } = await import("./ags");
// roster.ts loads the app's database client: imported once DATABASE_URL is set.
const { MAX_PAGES, MEMBERSHIP_CONTENT_TYPE, membersOf, nextPage, parseMember, rosterPlan, syncRoster, rosterSyncState, NOT_GRANTED } = await import("./roster");
const { findOrCreateLtiUser, ltiEmail, NO_PASSWORD } = await import("./accounts");

const M = "http://purl.imsglobal.org/vocab/lis/v2/membership";
const learner = (sub: string, extra: Record<string, unknown> = {}) => ({ user_id: sub, roles: [`${M}#Learner`], name: `Learner ${sub}`, ...extra });

describe("the pure parts", () => {
  it("read a member: user id, role, status (Active when absent), name; never the email", () => {
    expect(parseMember(learner("u1", { email: "u1@school.example" }))).toEqual({ sub: "u1", role: "student", status: "Active", name: "Learner u1" });
    expect(parseMember({ user_id: "t", roles: [`${M}#Instructor`, `${M}#Learner`], given_name: "Ada", family_name: "Byron", status: "Inactive" })).toEqual({
      sub: "t",
      role: "instructor",
      status: "Inactive",
      name: "Ada Byron",
    });
    expect(parseMember({ user_id: "m", roles: ["http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor"], status: "Deleted" })).toEqual({ sub: "m", role: null, status: "Deleted", name: "" });
    expect(parseMember({ user_id: "x", roles: "Learner", status: "weird" })).toEqual({ sub: "x", role: null, status: "Active", name: "" });
    for (const bad of [null, "u", [], {}, { user_id: "" }, { user_id: 7 }, { user_id: "a".repeat(256) }]) expect(parseMember(bad)).toBeNull();
  });

  it("read a page: its members, skipping unusable ones; null when it is not a container", () => {
    expect(membersOf({ id: "c", members: [learner("a"), { nope: 1 }, learner("b")] })?.map((m) => m.sub)).toEqual(["a", "b"]);
    expect(membersOf({ id: "c", members: [] })).toEqual([]);
    for (const bad of [null, [], "x", { members: "a" }, {}]) expect(membersOf(bad)).toBeNull();
  });

  it("follow rel=next on the same site only", () => {
    const here = "https://lms.example.org/api/courses/7/names_and_roles";
    expect(nextPage(`<${here}?page=2>; rel="next"`, here)).toBe(`${here}?page=2`);
    expect(nextPage(`<${here}?page=1>; rel="first", <?page=3>; rel=next`, here)).toBe(`${here}?page=3`);
    expect(nextPage(`<${here}?page=1>; rel="first", <${here}?page=9>; rel="last"`, here)).toBeNull();
    expect(nextPage(`<${here}?d=1>; rel="differences"`, here)).toBeNull();
    expect(nextPage(`<https://evil.example/steal>; rel="next"`, here)).toBeNull();
    expect(nextPage(`<http://lms.example.org/x>; rel="next"`, here)).toBeNull();
    expect(nextPage(null, here)).toBeNull();
    expect(nextPage("garbage", here)).toBeNull();
  });

  const m = (sub: string, role: Member["role"] = "student", status: Member["status"] = "Active"): Member => ({ sub, role, status, name: sub });
  it("plan: add active learners not enrolled; remove LMS students inactive, deleted or gone; keep join-code students; ignore instructors", () => {
    const plan = rosterPlan(
      [m("a"), m("b"), m("c", "student", "Inactive"), m("d", "student", "Deleted"), m("t", "instructor"), m("o", null), m("n", "student", "Inactive")],
      [
        { userId: "A", sub: "a" },
        { userId: "C", sub: "c" },
        { userId: "D", sub: "d" },
        { userId: "G", sub: "gone" },
        { userId: "J", sub: null },
        { userId: "T", sub: "t" },
      ],
      true,
    );
    expect(plan.add.map((x) => x.sub)).toEqual(["b"]);
    expect(plan.remove).toEqual(["C", "D", "G"]);
    expect(plan.unchanged).toBe(3);
  });

  it("plan: an incomplete list removes only members it marks inactive; a member listed twice counts as the last entry", () => {
    const plan = rosterPlan([m("a"), m("c", "student", "Inactive"), m("a", "student", "Deleted")], [{ userId: "A", sub: "a" }, { userId: "C", sub: "c" }, { userId: "G", sub: "gone" }], false);
    expect(plan).toEqual({ add: [], remove: ["A", "C"], unchanged: 1 });
  });
});

// The platform as fetch: a token endpoint (counts requests, records the scope) and a memberships
// endpoint in pages of 2 with Link: rel="next".
const TOKEN_URL = "https://lms.example.org/token";
const MEMBERS_URL = "https://lms.example.org/api/courses/7/names_and_roles";
let members: Record<string, unknown>[] = [];
let scopes: string[] = [];
let membersStatus = 200;
let tokenStatus = 200;
let down = false;
let pagesServed = 0;
async function platformFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  if (down) throw new TypeError("fetch failed");
  const url = new URL(String(input));
  if (url.toString() === TOKEN_URL) {
    scopes.push(new URLSearchParams(String(init?.body)).get("scope") ?? "");
    return tokenStatus === 200 ? Response.json({ access_token: "tok", expires_in: 3600 }) : Response.json({ error: "invalid_scope" }, { status: tokenStatus });
  }
  const headers = new Headers(init?.headers);
  expect(headers.get("authorization")).toBe("Bearer tok");
  expect(headers.get("accept")).toBe(MEMBERSHIP_CONTENT_TYPE);
  if (membersStatus !== 200) return new Response("no", { status: membersStatus });
  pagesServed++;
  const page = Number(url.searchParams.get("page") ?? "0");
  const slice = members.slice(page * 2, page * 2 + 2);
  const more = (page + 1) * 2 < members.length;
  return new Response(JSON.stringify({ id: MEMBERS_URL, context: { id: "7" }, members: slice }), {
    headers: { "Content-Type": MEMBERSHIP_CONTENT_TYPE, ...(more ? { Link: `<${MEMBERS_URL}?page=${page + 1}>; rel="next"` } : {}) },
  });
}

const ISSUER = "https://lms.example.org";
let klass: OwnClass;
let classId = "";
let platformId = "";
const options = { fetch: platformFetch as typeof fetch };
const load = async () => {
  const k = await db.class.findUniqueOrThrow({
    where: { id: classId },
    select: { id: true, name: true, joinCode: true, reviewOpenedAt: true, enrollments: { orderBy: { user: { name: "asc" } }, select: { createdAt: true, user: { select: { id: true, name: true, email: true } } } } },
  });
  klass = k;
  return k.enrollments.map((e) => e.user.name);
};

beforeAll(async () => {
  const teacher = await db.user.create({ data: { email: "t@roster.test", name: "Teacher", passwordHash: "x", role: "instructor" } });
  platformId = (await db.ltiPlatform.create({ data: { name: "LMS", issuer: ISSUER, clientId: "tool-7", authUrl: `${ISSUER}/auth`, tokenUrl: TOKEN_URL, jwksUrl: `${ISSUER}/jwks` } })).id;
  classId = (
    await db.class.create({
      data: { name: "Course 7", instructorId: teacher.id, joinCode: "ROST-0001", ltiContexts: { create: { issuer: ISSUER, deploymentId: "d", contextId: "7", membershipsUrl: MEMBERS_URL, platformId } } },
    })
  ).id;
  // One learner launched already; one student joined with the join code.
  const launched = await findOrCreateLtiUser(ISSUER, "s1", "Sam One", "student");
  await db.enrollment.create({ data: { userId: launched.id, classId } });
  const joined = await db.user.create({ data: { email: "j@roster.test", name: "Jo Joined", passwordHash: "x", role: "student" } });
  await db.enrollment.create({ data: { userId: joined.id, classId } });
});
afterAll(async () => {
  await db.$disconnect();
  await scratch.drop();
});
beforeEach(() => {
  forgetTokens();
  scopes = [];
  membersStatus = 200;
  tokenStatus = 200;
  down = false;
  pagesServed = 0;
});

describe("syncRoster", () => {
  it("adds the learners not enrolled, over pages, with the account their first launch will find", async () => {
    await load();
    members = [learner("s1"), { user_id: "t1", roles: [`${M}#Instructor`], name: "Teacher" }, learner("s2", { name: "Sue\u200b Two", email: "sue@school.example" }), learner("s3")];
    const result = await syncRoster(klass, options);
    expect(result).toEqual({ ok: true, added: 2, removed: 0, unchanged: 2, message: "2 added, 0 removed, 2 unchanged." });
    expect(scopes).toEqual([NRPS_SCOPE]);
    expect(pagesServed).toBe(2);
    expect(await load()).toEqual(["Jo Joined", "Learner s3", "Sam One", "Sue Two"]);
    const sue = await db.user.findFirstOrThrow({ where: { ltiLinks: { some: { issuer: ISSUER, sub: "s2" } } }, select: { id: true, email: true, passwordHash: true, role: true } });
    expect(sue).toMatchObject({ email: ltiEmail(ISSUER, "s2"), passwordHash: NO_PASSWORD, role: "student" });
    // Her later launch finds the same account.
    expect((await findOrCreateLtiUser(ISSUER, "s2", "Sue Two", "student")).id).toBe(sue.id);
    const state = await rosterSyncState(classId);
    expect(state).toMatchObject({ granted: true, ok: true, note: "2 added, 0 removed, 2 unchanged." });
    expect(state?.syncedAt).toBeInstanceOf(Date);
    // Nothing new: nothing changes, and the token is reused.
    expect(await syncRoster(klass, options)).toMatchObject({ ok: true, added: 0, removed: 0, unchanged: 4 });
    expect(scopes).toEqual([NRPS_SCOPE]);
  });

  it("removes (un-enrols) learners gone or inactive; keeps their account and the join-code student", async () => {
    await load();
    members = [learner("s1", { status: "Inactive" }), learner("s2")];
    expect(await syncRoster(klass, options)).toMatchObject({ ok: true, added: 0, removed: 2, unchanged: 2 });
    expect(await load()).toEqual(["Jo Joined", "Sue Two"]);
    expect(await db.user.count({ where: { ltiLinks: { some: { issuer: ISSUER, sub: { in: ["s1", "s3"] } } } } })).toBe(2);
  });

  it("tells and records each failure, changing nothing", async () => {
    await load();
    const before = await db.enrollment.count({ where: { classId } });
    tokenStatus = 400;
    let r = await syncRoster(klass, options);
    expect(r.ok === false && r.error).toMatch(/refused the tool's access token request: HTTP 400.*roster scope/);
    expect(await rosterSyncState(classId)).toMatchObject({ ok: false });
    tokenStatus = 200;
    membersStatus = 403;
    r = await syncRoster(klass, options);
    expect(r.ok === false && r.error).toMatch(/refused to give the course's members \(HTTP 403/);
    membersStatus = 200;
    forgetTokens();
    down = true;
    r = await syncRoster(klass, options);
    expect(r.ok === false && r.error).toMatch(/Could not reach the LMS/);
    down = false;
    await db.ltiContextLink.updateMany({ where: { classId }, data: { membershipsUrl: null } });
    r = await syncRoster(klass, options);
    expect(r).toEqual({ ok: false, error: NOT_GRANTED });
    expect(await rosterSyncState(classId)).toMatchObject({ granted: false, ok: false, note: NOT_GRANTED });
    await db.ltiContextLink.updateMany({ where: { classId }, data: { membershipsUrl: MEMBERS_URL } });
    expect(await db.enrollment.count({ where: { classId } })).toBe(before);
  });

  it("reads at most MAX_PAGES pages: a list cut short adds, and removes nobody it did not read as inactive", async () => {
    await load();
    const enrolled = await db.enrollment.count({ where: { classId } });
    // 2 a page: the last members are on pages past the bound.
    members = [...Array.from({ length: MAX_PAGES * 2 }, (_, i) => learner(`bulk-${String(i).padStart(3, "0")}`)), learner("s2", { status: "Inactive" }), learner("late")];
    const r = await syncRoster(klass, options);
    expect(pagesServed).toBe(MAX_PAGES);
    expect(r).toMatchObject({ ok: true, added: MAX_PAGES * 2, removed: 0 });
    expect(r.ok && r.message).toMatch(/cut at 50 pages/);
    expect(await db.enrollment.count({ where: { classId } })).toBe(enrolled + MAX_PAGES * 2);
    await db.enrollment.deleteMany({ where: { classId, user: { ltiLinks: { some: { sub: { startsWith: "bulk-" } } } } } });
  });

  it("refuses a class not made by an LMS course", async () => {
    const other = await db.class.create({ data: { name: "Plain", instructorId: (await db.user.findFirstOrThrow({ where: { role: "instructor" } })).id, joinCode: "PLAI-0001" }, select: { id: true } });
    expect(await syncRoster({ ...klass, id: other.id, enrollments: [] }, options)).toMatchObject({ ok: false, error: expect.stringMatching(/not made by a course/) });
    expect(await rosterSyncState(other.id)).toBeNull();
  });
});
