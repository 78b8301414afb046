import "server-only";
// The server's side of deep linking (the steps: server/lti/deep-link.ts): the picker's address
// after a deep linking launch, the units it offers, and the answer to its form — checked again
// in full (the signed request is current and names a user who is still an instructor with the
// same sessionVersion, the platform and deployment still registered, every pick a published
// unit) before anything is signed for the platform. No session is needed: the signed request is
// the authority, so the picker works in the LMS's frame where the session cookie is not sent.
import type { z } from "zod";
import { canTeach, isRole } from "@/lib/roles";
import { unitLabels } from "@/lib/units";
import type { CurrentUser } from "@/server/access";
import { getPublishedCourse, summarise } from "@/server/content/course";
import { db } from "@/server/db";
import { refusalPage } from "@/server/http/refusal-page";
import type { DeepLinkSettings } from "./claims";
import { contentItems, DEEP_LINK_PAGE, DEEP_LINK_TTL_S, frameAncestors, frameHeaders, newRequestId, picksOf, readDeepLinkRequest, returnPage, signDeepLinkRequest, signDeepLinkResponse, type DeepLinkRequest, type DeepLinkSigner, type deepLinkForm, type PickableUnit } from "./deep-link";
import { currentToolKey } from "./keys";
import { platformById } from "./platforms";
import { isUniqueViolation } from "@/server/prisma-client";

export { DEEP_LINK_PAGE };

/** Where a deep linking launch sends the instructor it signed in: the picker, with the request signed for them. */
export function deepLinkPickerPath(settings: DeepLinkSettings, platformId: string, deploymentId: string, user: DeepLinkSigner, now = Date.now()): string {
  const request = signDeepLinkRequest({ ...settings, platformId, deploymentId, id: newRequestId() }, user, Math.floor(now / 1000) + DEEP_LINK_TTL_S);
  return `${DEEP_LINK_PAGE}?${new URLSearchParams({ request })}`;
}

/** The instructor a signed request names, when it still exists, can teach and has not ended its sessions since; else null. */
async function requestingInstructor(userId: string, sessionVersion: number | null): Promise<{ id: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true, sessionVersion: true } });
  if (!user || !isRole(user.role) || !canTeach(user.role)) return null;
  return sessionVersion === null || user.sessionVersion === sessionVersion ? { id: user.id } : null;
}

/**
 * The picker's request (its `request` parameter) and the instructor it was signed for, when this
 * app signed it, it is current and that instructor still is one; else null. `signedIn`: the
 * session's user, if any — a browser signed in as someone else is not answering for them.
 */
export async function pickerRequest(value: unknown, signedIn: { id: string } | null): Promise<DeepLinkRequest | null> {
  const signed = typeof value === "string" ? readDeepLinkRequest(value, Math.floor(Date.now() / 1000)) : null;
  if (!signed || (signedIn && signedIn.id !== signed.userId)) return null;
  return (await requestingInstructor(signed.userId, signed.sessionVersion)) ? signed.request : null;
}

/** The published units in course order, as the picker lists them: numbered units ("Unit 1: …") and the assessments (their titles say when). */
export async function pickableUnits(): Promise<(PickableUnit & { number: number | null })[]> {
  const units = (await getPublishedCourse()).map(summarise);
  const labels = unitLabels(units);
  // A line item for units whose graded quiz gives a mark: assessments say "nothing here is marked".
  return units.map((u, i) => ({ slug: u.slug, title: u.title, graded: u.quizId !== null && u.kind === "unit", number: labels[i].number }));
}

/**
 * Records that the request was answered; false when it was before (the Back button, a second
 * tab). Kept with the launches' used nonces (LtiNonce, unique), whose old rows each launch
 * removes (launch.ts): a row outlives the request it records (DEEP_LINK_TTL_S from its launch).
 */
async function answerOnce(request: DeepLinkRequest, now: number): Promise<boolean> {
  const key = `deep-link.${request.id}`;
  try {
    await db.ltiNonce.create({ data: { state: key, nonce: key, platformId: request.platformId, expiresAt: new Date((now + DEEP_LINK_TTL_S) * 1000), usedAt: new Date(now * 1000) }, select: { state: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

/** A refusal page; framed (in the LMS's dialog) by the platform whose request it answers, when known, else by no one. */
function refused(status: number, message: string, returnUrl?: string): Response {
  const page = refusalPage(status, message, "Nothing was added to your course");
  const ancestors = frameAncestors(returnUrl);
  if (ancestors !== "'none'") {
    page.headers.set("Content-Security-Policy", page.headers.get("Content-Security-Policy")!.replace("frame-ancestors 'none'", `frame-ancestors ${ancestors}`));
  }
  for (const [key, value] of Object.entries(frameHeaders(ancestors))) page.headers.set(key, value);
  return page;
}

/**
 * Answers the picker's form: the page that posts the signed content items to the platform, or a
 * refusal page. `signedIn`: the session's user, if any (none in the LMS's frame).
 */
export async function finishDeepLink(form: z.output<typeof deepLinkForm>, signedIn: CurrentUser | null, appOrigin: string): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const signed = readDeepLinkRequest(form.request, now);
  if (!signed || (signedIn && signedIn.id !== signed.userId)) {
    return refused(403, "This choice has expired, or was started by someone else. Open “add a tool” in your learning platform again and pick the units there.");
  }
  const request = signed.request;
  if (!(await requestingInstructor(signed.userId, signed.sessionVersion))) {
    return refused(403, "This choice was started by an account that is no longer an instructor here, or whose sessions were ended. Open “add a tool” in your learning platform again.", request.returnUrl);
  }
  const platform = await platformById(request.platformId);
  if (!platform || !platform.deploymentIds.includes(request.deploymentId)) return refused(403, "The learning platform of this request is no longer registered.", request.returnUrl);
  const result = form.cancel ? { items: [] } : contentItems(picksOf(form), await pickableUnits(), appOrigin, request);
  if ("refusal" in result) return refused(400, result.refusal, request.returnUrl);
  if (!(await answerOnce(request, now))) {
    return refused(409, "These units were sent to your course already. To add more, choose “add content” in your learning platform again.", request.returnUrl);
  }
  const jwt = await signDeepLinkResponse(await currentToolKey(db), { clientId: platform.clientId, issuer: platform.issuer, deploymentId: request.deploymentId }, result.items, request.data, now);
  return returnPage(request.returnUrl, jwt, result.items.length);
}
