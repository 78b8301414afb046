import "server-only";
// Roster sync (LTI Names and Role Provisioning Services 2.0): the instructor of a class made by
// an LMS course asks for the course's members, and the class's enrolments follow them.
//   the URL    an instructor's launch that carries the NRPS claim keeps the course's membership
//              URL (and the platform) on the class's LtiContextLink (rememberMemberships)
//   fetch      an access token with the …/contextmembership.readonly scope (the token client and
//              cache of ags.ts), then GET the membership container, following `Link: rel="next"`
//              pages on the same site: at most MAX_PAGES pages and MAX_MEMBERS members, each
//              request with ags.ts's timeout
//   plan       (pure, roster.test.ts) active learners not enrolled are added — with the account a
//              first launch would make (LtiUserLink issuer + sub, no password, an .invalid
//              address), so their later launch finds it; students who came from this LMS (they
//              have an LtiUserLink of its issuer) and are Inactive, Deleted or no longer listed
//              are removed. Instructors and other roles are not enrolled. Someone who joined with
//              a join code (no link to this LMS) is never removed.
//   removing   is un-enrolling: the account, its attempts and answers stay (as the roster page's
//              "Remove"), and a later sync or launch enrols them again.
// An incomplete list (too many pages or members) adds but removes only members listed as
// Inactive or Deleted: a missing page must not empty the class.
import { isPlatformUrl } from "@/lib/lti";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/prisma-client";
import type { OwnClass } from "@/server/reports/classes";
import { enroll, findOrCreateLtiUser } from "./accounts";
import { accessToken, forgetTokens, request, SendError } from "./ags";
import { NRPS_SCOPE, roleFromLti, type Launch, type LtiRole } from "./claims";

export const MEMBERSHIP_CONTENT_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
/** Pages followed at most (a platform's page is often 10–100 members). */
export const MAX_PAGES = 50;
/** Members read at most. */
export const MAX_MEMBERS = 10_000;
/** A page's body, at most (characters). */
const MAX_PAGE_CHARS = 5_000_000;

export type MemberStatus = "Active" | "Inactive" | "Deleted";
/** A member of the LMS course: their LTI user id, this app's role for their roles (null: none), status, and name as sent. */
export type Member = { sub: string; role: LtiRole | null; status: MemberStatus; name: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown, max = 1000): string => (typeof v === "string" && v.length <= max ? v : "");

/** One member of a container (NRPS 2.0 §3.5.2), or null when it names no user. The email is not read. */
export function parseMember(raw: unknown): Member | null {
  if (!isObject(raw)) return null;
  const sub = text(raw.user_id, 255);
  if (!sub) return null;
  const status: MemberStatus = raw.status === "Inactive" || raw.status === "Deleted" ? raw.status : "Active"; // absent means Active
  const name = text(raw.name) || [text(raw.given_name), text(raw.family_name)].filter(Boolean).join(" ");
  return { sub, role: Array.isArray(raw.roles) ? roleFromLti(raw.roles) : null, status, name };
}

/** The members of one page of a membership container; null when it is not one. */
export function membersOf(json: unknown): Member[] | null {
  if (!isObject(json) || !Array.isArray(json.members)) return null;
  return json.members.map(parseMember).filter((m): m is Member => m !== null);
}

/**
 * The next page named by a `Link` header (rel="next"), resolved against the current page; null
 * when there is none, or when it is on another site (the access token goes only to the LMS).
 */
export function nextPage(link: string | null, current: string): string | null {
  if (!link) return null;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match || !/;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2])) continue;
    try {
      const url = new URL(match[1], current);
      return url.origin === new URL(current).origin && isPlatformUrl(url.toString()) ? url.toString() : null;
    } catch {
      return null;
    }
  }
  return null;
}

/** An enrolled student: their account, and their LTI user id on this LMS (null: they did not come from it). */
export type Enrolled = { userId: string; sub: string | null };
export type RosterPlan = { add: Member[]; remove: string[]; unchanged: number };

/**
 * What a sync does to the class: active learners not enrolled are added (`add`); students who
 * came from this LMS and are Inactive, Deleted or — when the list is `complete` — not listed as
 * active in any role, are removed (`remove`: account ids); the others stay (`unchanged`).
 * A member listed twice counts as their last entry.
 */
export function rosterPlan(members: readonly Member[], enrolled: readonly Enrolled[], complete: boolean): RosterPlan {
  const bySub = new Map(members.map((m) => [m.sub, m]));
  const enrolledSubs = new Set(enrolled.map((e) => e.sub).filter((s): s is string => s !== null));
  const add = [...bySub.values()].filter((m) => m.status === "Active" && m.role === "student" && !enrolledSubs.has(m.sub));
  const remove = enrolled
    .filter((e) => {
      if (e.sub === null) return false; // joined with a join code: not the LMS's to remove
      const m = bySub.get(e.sub);
      return m ? m.status !== "Active" : complete;
    })
    .map((e) => e.userId);
  return { add, remove, unchanged: enrolled.length - remove.length };
}

/** Why a sync failed, in words for the instructor. */
export class RosterError extends Error {}

type Fetch = typeof fetch;
export type RosterOptions = { fetch?: Fetch; now?: () => Date };
type PlatformRow = { tokenUrl: string; clientId: string };

/** Every member of the course, page after page (bounded); `complete` false when the bounds cut it short. Throws RosterError. */
export async function fetchMembers(platform: PlatformRow, membershipsUrl: string, options: RosterOptions = {}): Promise<{ members: Member[]; complete: boolean }> {
  const f = options.fetch ?? fetch;
  const now = (options.now ?? (() => new Date()))();
  let token: string;
  try {
    token = await accessToken(db, platform, f, now, NRPS_SCOPE);
  } catch (error) {
    if (error instanceof SendError) {
      throw new RosterError(
        /refused/.test(error.message)
          ? `${error.message}. The LMS may not have granted the tool the roster scope (Names and Role Provisioning Services): see the setup in the tool's LTI documentation.`
          : `Could not reach the LMS for an access token. ${error.message}`,
      );
    }
    throw error;
  }
  const members: Member[] = [];
  let url: string | null = membershipsUrl;
  for (let page = 0; url && page < MAX_PAGES; page++) {
    let res: Response;
    try {
      res = await request(f, "the roster request", url, { headers: { Authorization: `Bearer ${token}`, Accept: MEMBERSHIP_CONTENT_TYPE } });
    } catch (error) {
      throw new RosterError(`Could not reach the LMS. ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!res.ok) {
      const body = (await res.text().catch(() => "")).replace(/\s+/g, " ").trim().slice(0, 200);
      if (res.status === 401) forgetTokens();
      throw new RosterError(
        res.status === 401 || res.status === 403
          ? `The LMS refused to give the course's members (HTTP ${res.status}${body ? ` ${body}` : ""}): the roster service (Names and Role Provisioning) may not be switched on for the tool.`
          : `The LMS answered the roster request with HTTP ${res.status}${body ? ` ${body}` : ""}. Try again later.`,
      );
    }
    const body = await res.text();
    if (body.length > MAX_PAGE_CHARS) throw new RosterError("The LMS's list of members is too large to read.");
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      json = null;
    }
    const found = membersOf(json);
    if (!found) throw new RosterError("The LMS's answer is not a list of the course's members.");
    members.push(...found);
    if (members.length >= MAX_MEMBERS) return { members: members.slice(0, MAX_MEMBERS), complete: false };
    url = nextPage(res.headers.get("link"), url);
  }
  return { members, complete: url === null };
}

const CONTEXT = { id: true, issuer: true, membershipsUrl: true, platformId: true, rosterSyncedAt: true, rosterSyncOk: true, rosterSyncNote: true } as const;

/** After an instructor's launch: keeps the course's membership URL (or forgets it when the launch names none). */
export async function rememberMemberships(launch: Launch, platformId: string): Promise<void> {
  if (launch.role !== "instructor") return;
  await db.ltiContextLink.updateMany({
    where: { issuer: launch.issuer, deploymentId: launch.deploymentId, contextId: launch.context.id },
    data: { membershipsUrl: launch.nrps?.contextMembershipsUrl ?? null, platformId },
  });
}

export type RosterSyncState = { granted: boolean; syncedAt: Date | null; ok: boolean | null; note: string | null };

/** The roster sync of a class made by an LMS course (null for other classes). */
export async function rosterSyncState(classId: string): Promise<RosterSyncState | null> {
  const link = await db.ltiContextLink.findFirst({ where: { classId }, orderBy: { createdAt: "asc" }, select: CONTEXT });
  if (!link) return null;
  return { granted: Boolean(link.membershipsUrl && link.platformId), syncedAt: link.rosterSyncedAt, ok: link.rosterSyncOk, note: link.rosterSyncNote };
}

export const NOT_GRANTED =
  "The LMS has not offered this course's roster to the tool: the launches from it name no list of members (Names and Role Provisioning Services). Switch the service on for the tool in the LMS, then open the tool from the course again and sync.";

export type SyncResult = { ok: true; added: number; removed: number; unchanged: number; message: string } | { ok: false; error: string };

/** Syncs the class's students with the LMS course's members, and records the outcome on the class. */
export async function syncRoster(klass: OwnClass, options: RosterOptions = {}): Promise<SyncResult> {
  const now = (options.now ?? (() => new Date()))();
  const link = await db.ltiContextLink.findFirst({ where: { classId: klass.id }, orderBy: { createdAt: "asc" }, select: CONTEXT });
  if (!link) return { ok: false, error: "This class was not made by a course in a learning platform (LMS): there is no roster to sync." };
  const record = (ok: boolean, note: string) => db.ltiContextLink.update({ where: { id: link.id }, data: { rosterSyncedAt: now, rosterSyncOk: ok, rosterSyncNote: note.slice(0, 500) }, select: { id: true } });
  const fail = async (error: string): Promise<SyncResult> => {
    await record(false, error);
    return { ok: false, error };
  };
  if (!link.membershipsUrl || !link.platformId) return fail(NOT_GRANTED);
  const platform = await db.ltiPlatform.findUnique({ where: { id: link.platformId }, select: { tokenUrl: true, clientId: true } });
  if (!platform) return fail("The learning platform of this class is no longer registered.");

  let list: { members: Member[]; complete: boolean };
  try {
    list = await fetchMembers(platform, link.membershipsUrl, options);
  } catch (error) {
    if (error instanceof RosterError) return fail(error.message);
    throw error;
  }
  const ids = klass.enrollments.map((e) => e.user.id);
  const links = await db.ltiUserLink.findMany({ where: { issuer: link.issuer, userId: { in: ids } }, select: { userId: true, sub: true } });
  const subOf = new Map(links.map((l) => [l.userId, l.sub]));
  const plan = rosterPlan(
    list.members,
    ids.map((userId) => ({ userId, sub: subOf.get(userId) ?? null })),
    list.complete,
  );
  // A few statements per 500 members, not per member: the accounts that exist, one create for
  // each that does not, the enrolments at once (one by one only if a launch enrolled someone meanwhile).
  let added = 0;
  for (let i = 0; i < plan.add.length; i += 500) {
    const chunk = plan.add.slice(i, i + 500);
    const found = await db.ltiUserLink.findMany({ where: { issuer: link.issuer, sub: { in: chunk.map((m) => m.sub) } }, select: { sub: true, userId: true } });
    const userOf = new Map(found.map((f) => [f.sub, f.userId]));
    const userIds: string[] = [];
    for (const member of chunk) userIds.push(userOf.get(member.sub) ?? (await findOrCreateLtiUser(link.issuer, member.sub, member.name, "student")).id);
    try {
      added += (await db.enrollment.createMany({ data: userIds.map((userId) => ({ userId, classId: klass.id })) })).count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      for (const userId of userIds) await enroll(userId, klass.id);
      added += userIds.length;
    }
  }
  const removed = plan.remove.length ? (await db.enrollment.deleteMany({ where: { classId: klass.id, userId: { in: plan.remove } } })).count : 0;
  const message = `${added} added, ${removed} removed, ${plan.unchanged} unchanged${list.complete ? "" : ` (the LMS's list was cut at ${MAX_PAGES} pages or ${MAX_MEMBERS} members: only members it marks inactive were removed)`}.`;
  await record(true, message);
  return { ok: true, added, removed, unchanged: plan.unchanged, message };
}
