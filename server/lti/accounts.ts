import "server-only";
// What a verified launch makes here: the LMS user's account (LtiUserLink: issuer + sub → User)
// and the LMS course's class (LtiContextLink: issuer + deployment + context id → Class).
// An account made by a launch has no password (it signs in only through the LMS) and an address
// under .invalid (RFC 2606): the LMS's email is not used to find or link accounts, so an LMS
// cannot take over an account someone made here with the same address.
// Made on first launch: the account with the role the launch gives (Learner → student,
// Instructor/TeachingAssistant → instructor; an existing account keeps its role), the class by
// its instructor, who owns it. Students are enrolled in it on each launch.
import { createHash } from "node:crypto";
import { canTeach, isRole } from "@/lib/roles";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/prisma-client";
import type { SessionUser } from "@/server/session";
import { cleanName, type Launch } from "./claims";

/** Never a valid Argon2 hash: password sign-in always fails for accounts made by a launch. */
export const NO_PASSWORD = "lti:no-password";

const contextKey = (l: Launch) => ({ issuer_deploymentId_contextId: { issuer: l.issuer, deploymentId: l.deploymentId, contextId: l.context.id } });

/** True when the launch's course has no class yet and the launcher cannot make one (a student first). */
export async function classNeedsInstructor(launch: Launch): Promise<boolean> {
  if (launch.role === "instructor") return false;
  return !(await db.ltiContextLink.findUnique({ where: contextKey(launch), select: { id: true } }));
}

/** An address for the account, unique per LMS user, that no mail reaches. */
export function ltiEmail(issuer: string, sub: string): string {
  return `lti-${createHash("sha256").update(`${issuer}\n${sub}`).digest("hex").slice(0, 24)}@lti.invalid`;
}

const USER = { id: true, sessionVersion: true, role: true } as const;
type LinkedUser = SessionUser & { role: string };

async function findOrCreateUser(launch: Launch): Promise<LinkedUser> {
  return findOrCreateLtiUser(launch.issuer, launch.sub, launch.name, launch.role);
}

/**
 * The account of an LMS user (issuer + sub), made when there is none: by their first launch, or
 * by a roster sync (server/lti/roster.ts) before they ever launch — the same account either way.
 */
export async function findOrCreateLtiUser(issuer: string, sub: string, rawName: string, role: Launch["role"]): Promise<LinkedUser> {
  const where = { issuer_sub: { issuer, sub } };
  const link = await db.ltiUserLink.findUnique({ where, select: { user: { select: USER } } });
  if (link) return link.user;
  const name = cleanName(rawName, role === "instructor" ? "Instructor" : "Student");
  try {
    return await db.user.create({
      data: { email: ltiEmail(issuer, sub), name, passwordHash: NO_PASSWORD, role, ltiLinks: { create: { issuer, sub } } },
      select: USER,
    });
  } catch (error) {
    // The same person's first launch in two tabs at once (or a launch during a sync): the other one made the account.
    if (!isUniqueViolation(error)) throw error;
    return (await db.ltiUserLink.findUniqueOrThrow({ where, select: { user: { select: USER } } })).user;
  }
}

async function findOrCreateClass(launch: Launch, instructorId: string, platformName: string): Promise<string> {
  const found = await db.ltiContextLink.findUnique({ where: contextKey(launch), select: { classId: true } });
  if (found) return found.classId;
  const name = cleanName(launch.context.title, `Course from ${platformName}`);
  try {
    const klass = await db.class.create({
      data: { name, instructorId, joinCode: null, ltiContexts: { create: { issuer: launch.issuer, deploymentId: launch.deploymentId, contextId: launch.context.id } } },
      select: { id: true },
    });
    return klass.id;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await db.ltiContextLink.findUniqueOrThrow({ where: contextKey(launch), select: { classId: true } })).classId;
  }
}

export async function enroll(userId: string, classId: string): Promise<void> {
  try {
    await db.enrollment.upsert({ where: { userId_classId: { userId, classId } }, create: { userId, classId }, update: {}, select: { id: true } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // enrolled by a launch in another tab at the same moment
  }
}

/** Finds or makes the launcher's account and the course's class (and enrolls a student); or why not. */
export async function linkLaunch(launch: Launch, platformName: string): Promise<{ user: SessionUser } | { refusal: string }> {
  const user = await findOrCreateUser(launch);
  if (launch.role === "instructor") {
    if (!isRole(user.role) || !canTeach(user.role)) {
      return { refusal: "Your account in Behind the Headline is a student account, so it cannot teach this course. Ask your school's admin to make it an instructor account." };
    }
    await findOrCreateClass(launch, user.id, platformName);
  } else {
    const found = await db.ltiContextLink.findUnique({ where: contextKey(launch), select: { classId: true } });
    if (!found) return { refusal: "Your instructor has not opened Behind the Headline from this course yet. Try again once they have." };
    await enroll(user.id, found.classId);
  }
  return { user: { id: user.id, sessionVersion: user.sessionVersion } };
}
