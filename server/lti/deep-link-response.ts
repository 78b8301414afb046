import "server-only";
// The server's side of deep linking (the steps: server/lti/deep-link.ts): the picker's address
// after a deep linking launch, the units it offers, and the answer to its form — checked again
// in full (the signed request is this instructor's and current, the platform and deployment
// still registered, every pick a published unit) before anything is signed for the platform.
import type { z } from "zod";
import { unitLabels } from "@/lib/units";
import type { CurrentUser } from "@/server/access";
import { getPublishedCourse, summarise } from "@/server/content/course";
import { db } from "@/server/db";
import { refusalPage } from "@/server/http/refusal-page";
import type { DeepLinkSettings } from "./claims";
import { contentItems, DEEP_LINK_TTL_S, newRequestId, picksOf, readDeepLinkRequest, returnPage, signDeepLinkRequest, signDeepLinkResponse, type DeepLinkRequest, type deepLinkForm, type PickableUnit } from "./deep-link";
import { currentToolKey } from "./keys";
import { platformById } from "./platforms";
import { isUniqueViolation } from "@/server/prisma-client";

/** The picker page's path. */
export const DEEP_LINK_PAGE = "/instructor/lti/deep-link";

/** Where a deep linking launch sends the instructor it signed in: the picker, with the request signed for them. */
export function deepLinkPickerPath(settings: DeepLinkSettings, platformId: string, deploymentId: string, userId: string, now = Date.now()): string {
  const request = signDeepLinkRequest({ ...settings, platformId, deploymentId, id: newRequestId() }, userId, Math.floor(now / 1000) + DEEP_LINK_TTL_S);
  return `${DEEP_LINK_PAGE}?${new URLSearchParams({ request })}`;
}

/** The picker's request (its `request` parameter), when it is this instructor's and current; else null. */
export function pickerRequest(value: unknown, userId: string): DeepLinkRequest | null {
  return typeof value === "string" ? readDeepLinkRequest(value, userId, Math.floor(Date.now() / 1000)) : null;
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

const refused = (status: number, message: string) => refusalPage(status, message, "Nothing was added to your course");

/** Answers the picker's form: the page that posts the signed content items to the platform, or a refusal page. */
export async function finishDeepLink(form: z.output<typeof deepLinkForm>, user: CurrentUser, appOrigin: string): Promise<Response> {
  const now = Math.floor(Date.now() / 1000);
  const request = readDeepLinkRequest(form.request, user.id, now);
  if (!request) {
    return refused(403, "This choice has expired, or was started by someone else. Open “add a tool” in your learning platform again and pick the units there.");
  }
  const platform = await platformById(request.platformId);
  if (!platform || !platform.deploymentIds.includes(request.deploymentId)) return refused(403, "The learning platform of this request is no longer registered.");
  const result = form.cancel ? { items: [] } : contentItems(picksOf(form), await pickableUnits(), appOrigin, request);
  if ("refusal" in result) return refused(400, result.refusal);
  if (!(await answerOnce(request, now))) {
    return refused(409, "These units were sent to your course already. To add more, choose “add content” in your learning platform again.");
  }
  const jwt = await signDeepLinkResponse(await currentToolKey(db), { clientId: platform.clientId, issuer: platform.issuer, deploymentId: request.deploymentId }, result.items, request.data, now);
  return returnPage(request.returnUrl, jwt, result.items.length);
}
