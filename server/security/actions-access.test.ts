// Every server action, called as every kind of visitor, against a throwaway database: the
// action allows or refuses exactly as the table says, and a refused call changes nothing.
// The first test fails when an action exists in app/ that the table does not list.
// (Pages and route handlers: e2e/access-control.spec.ts.)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/server/auth";

const dir = mkdtempSync(path.join(os.tmpdir(), "bth-actions-"));
process.env.DATABASE_URL = `file:${path.join(dir, "test.db")}`;
execFileSync(path.join(process.cwd(), "node_modules/.bin/prisma"), ["migrate", "deploy"], { env: process.env, stdio: "pipe" });

let asker: CurrentUser | null = null;
vi.mock("@/server/auth", () => ({ getCurrentUser: async () => asker }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
class Redirect extends Error {}
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Redirect(url);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
  unauthorized: () => {
    throw new Error("unauthorized");
  },
}));

const { db } = await import("@/server/db");
const instructorActions = await import("@/app/(instructor)/instructor/actions");
const accountActions = await import("@/app/(student)/account/actions");
const adminActions = await import("@/app/(admin)/admin/users/actions");
const ltiActions = await import("@/app/(admin)/admin/lti/actions");

const PERSONAS = ["anonymous", "student", "otherStudent", "instructor", "otherInstructor", "author", "admin"] as const;
type Persona = (typeof PERSONAS)[number];
const users = {} as Record<Exclude<Persona, "anonymous">, CurrentUser>;
let ownClass = "";
let foreignClass = "";
/** A written answer of users.student (in ownClass) awaiting review. */
let writtenAnswer = "";
/** A score of users.student (in ownClass) that the LMS refused. */
let failedScore = "";

type Outcome = "allowed" | "refused";
type Row = {
  action: string;
  run: () => Promise<unknown>;
  /** Whether the call changed what it would change when allowed. */
  changed: () => Promise<boolean>;
  reset: () => Promise<void>;
  expect: Record<Persona, Outcome>;
};

const only = (...allowed: Persona[]) => Object.fromEntries(PERSONAS.map((p) => [p, allowed.includes(p) ? "allowed" : "refused"])) as Record<Persona, Outcome>;
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const codeOf = async (id: string) => (await db.class.findUniqueOrThrow({ where: { id }, select: { joinCode: true } })).joinCode;
let savedCode: string | null = null;
const PLATFORM = {
  name: "Access test LMS",
  issuer: "https://lms.access.test",
  clientId: "client-1",
  deploymentIds: "dep-1",
  authUrl: "https://lms.access.test/auth",
  tokenUrl: "https://lms.access.test/token",
  jwksUrl: "https://lms.access.test/jwks",
};

/** Runs `call` with the LMS of ownClass (roster sync) answering as fetch: a token, and a course with no members. */
async function withLms<T>(call: () => Promise<T>): Promise<T> {
  vi.stubGlobal("fetch", async (input: string | URL | Request) =>
    String(input).endsWith("/t") ? Response.json({ access_token: "tok", expires_in: 3600 }) : Response.json({ id: "m", context: { id: "c" }, members: [] }),
  );
  try {
    return await call();
  } finally {
    vi.unstubAllGlobals();
  }
}

const TABLE: Row[] = [
  {
    action: "instructor/actions#createClassAction",
    run: () => instructorActions.createClassAction(null, form({ name: "Made by the access test" })),
    changed: async () => (await db.class.count({ where: { name: "Made by the access test" } })) > 0,
    reset: async () => void (await db.class.deleteMany({ where: { name: "Made by the access test" } })),
    expect: only("instructor", "otherInstructor", "admin"),
  },
  {
    action: "instructor/actions#rotateCodeAction",
    run: () => instructorActions.rotateCodeAction(null, form({ classId: ownClass })),
    changed: async () => (await codeOf(ownClass)) !== savedCode,
    reset: async () => void (savedCode = await codeOf(ownClass)),
    expect: only("instructor", "admin"),
  },
  {
    action: "instructor/actions#disableCodeAction",
    run: () => instructorActions.disableCodeAction(null, form({ classId: ownClass })),
    changed: async () => (await codeOf(ownClass)) === null,
    reset: async () => void (await db.class.update({ where: { id: ownClass }, data: { joinCode: "OWNC-0001" } })),
    expect: only("instructor", "admin"),
  },
  {
    action: "instructor/actions#removeStudentAction",
    run: () => instructorActions.removeStudentAction(null, form({ classId: ownClass, studentId: users.student.id })),
    changed: async () => (await db.enrollment.count({ where: { classId: ownClass, userId: users.student.id } })) === 0,
    reset: async () => {
      await db.enrollment.upsert({
        where: { userId_classId: { userId: users.student.id, classId: ownClass } },
        create: { userId: users.student.id, classId: ownClass },
        update: {},
      });
    },
    expect: only("instructor", "admin"),
  },
  {
    action: "instructor/actions#assessmentReviewAction",
    run: () => instructorActions.assessmentReviewAction(null, form({ classId: ownClass, open: "open" })),
    changed: async () => (await db.class.findUniqueOrThrow({ where: { id: ownClass }, select: { reviewOpenedAt: true } })).reviewOpenedAt !== null,
    reset: async () => void (await db.class.update({ where: { id: ownClass }, data: { reviewOpenedAt: null } })),
    expect: only("instructor", "admin"),
  },
  {
    action: "instructor/actions#reviewAnswerAction",
    run: () => instructorActions.reviewAnswerAction(null, form({ classId: ownClass, answerId: writtenAnswer, level: "mastery", comment: "Well traced." })),
    changed: async () => (await db.answerReview.count({ where: { answerId: writtenAnswer } })) > 0,
    reset: async () => {
      await db.answerReview.deleteMany({ where: { answerId: writtenAnswer } });
      await db.answer.update({ where: { id: writtenAnswer }, data: { pending: true, score: 0, reviewLevel: null, reviewedAt: null } });
    },
    expect: only("instructor", "admin"),
  },
  {
    action: "instructor/actions#saveAssignmentsAction",
    run: () => instructorActions.saveAssignmentsAction(null, form({ classId: ownClass, timeZone: "Europe/London", "due-claims": "2026-12-05" })),
    changed: async () => (await db.assignment.count({ where: { classId: ownClass } })) > 0,
    reset: async () => void (await db.assignment.deleteMany({ where: { classId: ownClass } })),
    expect: only("instructor", "admin"),
  },
  {
    action: "instructor/actions#resendScoreAction",
    run: () => instructorActions.resendScoreAction(null, form({ classId: ownClass, scoreId: failedScore })),
    changed: async () => (await db.ltiScoreOutbox.findUniqueOrThrow({ where: { id: failedScore } })).status !== "failed",
    reset: async () => void (await db.ltiScoreOutbox.update({ where: { id: failedScore }, data: { status: "failed" } })),
    expect: only("instructor", "admin"),
  },
  {
    action: "instructor/actions#syncRosterAction",
    run: () => withLms(() => instructorActions.syncRosterAction(null, form({ classId: ownClass }))),
    changed: async () => (await db.ltiContextLink.findFirstOrThrow({ where: { classId: ownClass } })).rosterSyncOk === true,
    reset: async () => void (await db.ltiContextLink.updateMany({ where: { classId: ownClass }, data: { rosterSyncedAt: null, rosterSyncOk: null, rosterSyncNote: null } })),
    expect: only("instructor", "admin"),
  },
  {
    action: "account/actions#joinClassAction",
    run: () => accountActions.joinClassAction(null, form({ joinCode: "FRGN-0001" })),
    changed: async () => (asker ? (await db.enrollment.count({ where: { classId: foreignClass, userId: asker.id } })) > 0 : false),
    reset: async () => void (await db.enrollment.deleteMany({ where: { classId: foreignClass, userId: { not: users.otherStudent.id } } })),
    // Any signed-in user may join a class with its code (otherStudent is already in it: still fine).
    expect: only("student", "otherStudent", "instructor", "otherInstructor", "author", "admin"),
  },
  {
    action: "admin/users/actions#setRoleAction",
    run: () => adminActions.setRoleAction(null, form({ userId: users.student.id, role: "author" })),
    changed: async () => (await db.user.findUniqueOrThrow({ where: { id: users.student.id } })).role === "author",
    reset: async () => void (await db.user.update({ where: { id: users.student.id }, data: { role: "student" } })),
    expect: only("admin"),
  },
  {
    action: "admin/lti/actions#registerPlatformAction",
    run: () => ltiActions.registerPlatformAction(null, form(PLATFORM)),
    changed: async () => (await db.ltiPlatform.count({ where: { issuer: PLATFORM.issuer } })) > 0,
    reset: async () => void (await db.ltiPlatform.deleteMany({ where: { issuer: PLATFORM.issuer } })),
    expect: only("admin"),
  },
];

/** Exported functions of every "use server" file under app/, as "dir/file#name" without route groups. */
function discoverActions(base = path.join(process.cwd(), "app"), prefix = ""): string[] {
  return readdirSync(base).flatMap((name) => {
    const full = path.join(base, name);
    if (statSync(full).isDirectory()) return discoverActions(full, prefix + (/^\(.*\)$/.test(name) ? "" : `${name}/`));
    if (!/\.tsx?$/.test(name)) return [];
    const text = readFileSync(full, "utf8");
    if (!/^\s*["']use server["']/.test(text)) return [];
    return [...text.matchAll(/export (?:async function|const) (\w+)/g)].map((m) => `${prefix}${name.replace(/\.tsx?$/, "")}#${m[1]}`);
  });
}

beforeAll(async () => {
  for (const p of PERSONAS) {
    if (p === "anonymous") continue;
    const role = p.toLowerCase().includes("student") ? "student" : p === "otherInstructor" ? "instructor" : p;
    const u = await db.user.create({ data: { email: `${p}@access.test`, name: p, passwordHash: "x", role }, select: { id: true, name: true, email: true, role: true } });
    users[p] = u as CurrentUser;
  }
  ownClass = (await db.class.create({ data: { name: "Own", joinCode: "OWNC-0001", instructorId: users.instructor.id } })).id;
  foreignClass = (await db.class.create({ data: { name: "Foreign", joinCode: "FRGN-0001", instructorId: users.otherInstructor.id } })).id;
  await db.enrollment.create({ data: { userId: users.student.id, classId: ownClass } });
  await db.enrollment.create({ data: { userId: users.otherStudent.id, classId: foreignClass } });
  // A written answer to score, stored as a submission stores it.
  const { getLesson } = await import("@/server/content/course");
  const { isReviewed } = await import("@/questions/server");
  const { questionVersion } = await import("@/server/quiz/version");
  const quiz = (await getLesson("claims"))!.quizzes.find((q) => !q.practice)!;
  const q = quiz.questions.find(isReviewed)!;
  const version = questionVersion(q);
  await db.questionVersion.create({ data: { id: version, questionId: q.id, quizId: quiz.id, definition: JSON.stringify(q) } });
  const attempt = await db.quizAttempt.create({
    data: { userId: users.student.id, lessonSlug: "claims", quizId: quiz.id, attemptNumber: 1, submissionKey: "k-written", score: 0, maxScore: 1, fraction: 0, passed: false, pendingCount: 1 },
  });
  // A score sent to an LMS line item and refused (grades back to the LMS).
  const lms = await db.ltiPlatform.create({ data: { name: "Score LMS", issuer: "https://scores.access.test", clientId: "c", authUrl: "https://scores.access.test/a", tokenUrl: "https://scores.access.test/t", jwksUrl: "https://scores.access.test/j" } });
  // ownClass was made by that LMS's course, which offers its roster (roster sync).
  await db.ltiContextLink.create({ data: { issuer: "https://scores.access.test", deploymentId: "d", contextId: "c", classId: ownClass, platformId: lms.id, membershipsUrl: "https://scores.access.test/members" } });
  const item = await db.ltiLineItem.create({
    data: { platformId: lms.id, userId: users.student.id, classId: ownClass, userSub: "s", resourceLinkId: "l", lessonSlug: "claims", lineItemUrl: "https://scores.access.test/li/1", scopes: "" },
  });
  const at = new Date();
  failedScore = (
    await db.ltiScoreOutbox.create({
      data: { id: "score-1", key: "score-1", lineItemId: item.id, platformId: lms.id, userId: users.student.id, lineItemUrl: item.lineItemUrl, userSub: "s", lessonSlug: "claims", scoreGiven: 50, scoreMaximum: 100, activityProgress: "Completed", gradingProgress: "FullyGraded", timestamp: at, nextTryAt: at, createdAt: at, status: "failed", lastError: "HTTP 400" },
    })
  ).id;
  writtenAnswer = (await db.answer.create({ data: { attemptId: attempt.id, questionId: q.id, questionVersion: version, response: '{"text":"Who said it?"}', score: 0, maxScore: 1, correct: false, pending: true } })).id;
});
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

const HOSTILE: string[] = [
  "",
  "<script>alert(1)</script>",
  "'; DROP TABLE Class; --",
  "\u0000",
  "\ud800",
  "\u202e\u200b😀",
  "=1+1",
  "x".repeat(10_000),
  "../../etc/passwd",
];

describe("server actions: hostile input", () => {
  // Each action, as a visitor it allows, with every field set to each hostile value: it must
  // answer (never throw), and a refusal must change nothing.
  const cases: { action: string; as: Exclude<Persona, "anonymous">; fields: Record<string, string>; call: (f: FormData) => Promise<unknown> }[] = [
    { action: "createClassAction", as: "instructor", fields: { name: "ok" }, call: (f) => instructorActions.createClassAction(null, f) },
    { action: "rotateCodeAction", as: "instructor", fields: { classId: "" }, call: (f) => instructorActions.rotateCodeAction(null, f) },
    { action: "disableCodeAction", as: "instructor", fields: { classId: "" }, call: (f) => instructorActions.disableCodeAction(null, f) },
    { action: "removeStudentAction", as: "instructor", fields: { classId: "", studentId: "" }, call: (f) => instructorActions.removeStudentAction(null, f) },
    { action: "assessmentReviewAction", as: "instructor", fields: { classId: "", open: "open" }, call: (f) => instructorActions.assessmentReviewAction(null, f) },
    { action: "reviewAnswerAction", as: "instructor", fields: { classId: "", answerId: "", level: "", comment: "" }, call: (f) => instructorActions.reviewAnswerAction(null, f) },
    { action: "saveAssignmentsAction", as: "instructor", fields: { classId: "", timeZone: "UTC", "due-claims": "" }, call: (f) => instructorActions.saveAssignmentsAction(null, f) },
    { action: "syncRosterAction", as: "instructor", fields: { classId: "" }, call: (f) => withLms(() => instructorActions.syncRosterAction(null, f)) },
    { action: "joinClassAction", as: "student", fields: { joinCode: "" }, call: (f) => accountActions.joinClassAction(null, f) },
    { action: "setRoleAction", as: "admin", fields: { userId: "", role: "" }, call: (f) => adminActions.setRoleAction(null, f) },
    { action: "registerPlatformAction", as: "admin", fields: { ...PLATFORM, issuer: "https://lms.hostile.test" }, call: (f) => ltiActions.registerPlatformAction(null, f) },
  ];
  for (const c of cases) {
    it(`${c.action} answers every hostile value with a message`, async () => {
      asker = users[c.as];
      for (const field of Object.keys(c.fields)) {
        for (const value of HOSTILE) {
          const before = await Promise.all([db.class.count(), db.enrollment.count(), db.user.count({ where: { role: "student" } }), db.ltiPlatform.count()]);
          const result = (await c.call(form({ ...c.fields, [field]: value }))) as { ok: boolean; error?: string };
          expect(typeof result.ok, `${c.action} ${field}=${value.slice(0, 20)}`).toBe("boolean");
          if (!result.ok) {
            expect(result.error).toBeTruthy();
            expect(await Promise.all([db.class.count(), db.enrollment.count(), db.user.count({ where: { role: "student" } }), db.ltiPlatform.count()])).toEqual(before);
          }
        }
      }
      // Valid names (markup and formulas are valid text) created classes: clear them.
      await db.class.deleteMany({ where: { instructorId: users.instructor.id, id: { not: ownClass } } });
      await db.ltiPlatform.deleteMany({ where: { issuer: "https://lms.hostile.test" } });
    });
  }
});

describe("server actions: one guarded path", () => {
  // Every action is made by formAction (server/http/action.ts), which checks who is asking,
  // that it was given a form, the form's fields (zod) and ownership, in that order.
  it("every action file builds its actions with formAction", () => {
    const base = path.join(process.cwd(), "app");
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : [path.join(dir, n)]));
    })(base).filter((f) => /\.tsx?$/.test(f) && /^\s*["']use server["']/.test(readFileSync(f, "utf8")));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      const exported = [...text.matchAll(/^export (?:async function|const|let|function) (\w+)/gm)].map((m) => m[1]);
      const guarded = [...text.matchAll(/^export const (\w+) = formAction\(/gm)].map((m) => m[1]);
      expect(exported, path.relative(base, file)).toEqual(guarded);
    }
  });

  const calls: { action: string; as: Exclude<Persona, "anonymous">; run: (arg: unknown) => Promise<unknown> }[] = [
    { action: "createClassAction", as: "instructor", run: (a) => instructorActions.createClassAction(null, a as FormData) },
    { action: "rotateCodeAction", as: "instructor", run: (a) => instructorActions.rotateCodeAction(null, a as FormData) },
    { action: "disableCodeAction", as: "instructor", run: (a) => instructorActions.disableCodeAction(null, a as FormData) },
    { action: "removeStudentAction", as: "instructor", run: (a) => instructorActions.removeStudentAction(null, a as FormData) },
    { action: "assessmentReviewAction", as: "instructor", run: (a) => instructorActions.assessmentReviewAction(null, a as FormData) },
    { action: "reviewAnswerAction", as: "instructor", run: (a) => instructorActions.reviewAnswerAction(null, a as FormData) },
    { action: "saveAssignmentsAction", as: "instructor", run: (a) => instructorActions.saveAssignmentsAction(null, a as FormData) },
    { action: "syncRosterAction", as: "instructor", run: (a) => instructorActions.syncRosterAction(null, a as FormData) },
    { action: "joinClassAction", as: "student", run: (a) => accountActions.joinClassAction(null, a as FormData) },
    { action: "setRoleAction", as: "admin", run: (a) => adminActions.setRoleAction(null, a as FormData) },
    { action: "registerPlatformAction", as: "admin", run: (a) => ltiActions.registerPlatformAction(null, a as FormData) },
  ];
  for (const c of calls) {
    it(`${c.action} called with something other than a form answers with a message`, async () => {
      asker = users[c.as];
      for (const arg of [undefined, null, "classId=x", 42, { classId: ownClass, get: () => ownClass }, [["classId", ownClass]]]) {
        const result = (await c.run(arg)) as { ok: boolean; error?: string };
        expect(result, JSON.stringify(arg)).toEqual({ ok: false, error: expect.stringMatching(/form/) });
      }
    });
  }

  it("due dates: a day that does not exist, an unknown zone or unit is refused and nothing is saved", async () => {
    asker = users.instructor;
    for (const [fields, message] of [
      [{ "due-claims": "2026-02-30" }, /a due date is a day/],
      [{ "due-claims": "5 Dec" }, /a due date is a day/],
      [{ "due-claims": "2026-12-05", timeZone: "Mars/Olympus" }, /time zone/],
      [{ "due-nowhere": "2026-12-05" }, /no unit “nowhere”/],
    ] as const) {
      const result = (await instructorActions.saveAssignmentsAction(null, form({ classId: ownClass, timeZone: "UTC", ...fields }))) as { ok: boolean; error?: string };
      expect(result.ok, JSON.stringify(fields)).toBe(false);
      expect(result.error).toMatch(message);
      expect(await db.assignment.count({ where: { classId: ownClass } })).toBe(0);
    }
    const saved = (await instructorActions.saveAssignmentsAction(null, form({ classId: ownClass, timeZone: "America/New_York", "due-claims": "2026-12-05" }))) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const a = await db.assignment.findFirstOrThrow({ where: { classId: ownClass }, select: { lessonSlug: true, dueDate: true, dueAt: true, timeZone: true } });
    expect(a).toEqual({ lessonSlug: "claims", dueDate: "2026-12-05", timeZone: "America/New_York", dueAt: new Date("2026-12-06T04:59:59.999Z") });
    // An empty day clears it.
    await instructorActions.saveAssignmentsAction(null, form({ classId: ownClass, timeZone: "UTC", "due-claims": "" }));
    expect(await db.assignment.count({ where: { classId: ownClass } })).toBe(0);
  });

  it("a class name with a direction override or zero-width characters is refused", async () => {
    asker = users.instructor;
    for (const name of ["Maths\u202E9B", "\u200BMaths", "Maths\u2066B\u2069"]) {
      const result = (await instructorActions.createClassAction(null, form({ name }))) as { ok: boolean; error?: string };
      expect(result.ok, JSON.stringify(name)).toBe(false);
      expect(result.error).toMatch(/invisible or direction-changing/);
      expect(await db.class.count({ where: { name } })).toBe(0);
    }
  });
});

describe("server actions: access control", () => {
  it("the table lists every server action", () => {
    expect(TABLE.map((r) => r.action).sort()).toEqual(discoverActions().sort());
  });

  for (const row of TABLE) {
    it(`${row.action} allows or refuses each visitor as the table says`, async () => {
      const actual: Record<string, Outcome> = {};
      for (const persona of PERSONAS) {
        asker = persona === "anonymous" ? null : users[persona];
        await row.reset();
        let result: unknown;
        try {
          result = await row.run();
        } catch (error) {
          if (!(error instanceof Redirect)) throw error;
          result = { ok: true };
        }
        const ok = (result as { ok?: boolean }).ok === true;
        const changed = await row.changed();
        // "allowed" means it said so AND did it; "refused" means it said no AND changed nothing.
        actual[persona] = ok && changed ? "allowed" : !ok && !changed ? "refused" : (`inconsistent (ok=${ok}, changed=${changed})` as Outcome);
      }
      await row.reset();
      expect(actual).toEqual(row.expect);
    });
  }
});
