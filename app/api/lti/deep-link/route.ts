// LTI deep linking, the picker's form (app/(instructor)/instructor/lti/deep-link/page.tsx):
// answers with a page that posts the signed content items to the LMS (server/lti/deep-link.ts).
// Same-origin like every form (no crossSite exception), instructors only, and the request it
// carries must be signed by this app for the instructor asking. Its responses carry their own
// CSP (form-action: the LMS's return address): next.config.ts leaves this path's CSP to them.
import { teacher } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { deepLinkForm } from "@/server/lti/deep-link";
import { finishDeepLink } from "@/server/lti/deep-link-response";
import { appOrigin } from "@/server/lti/login";

export const POST = jsonRoute(
  // The signed request holds the LMS's return address and data (at most 2,000 and 4,096 bytes).
  { who: teacher, body: deepLinkForm, bodyAs: "form", refuseAs: "page", maxBytes: 32 * 1024 },
  ({ body, asker, request }) => finishDeepLink(body, asker, appOrigin(request.nextUrl.origin)),
);
