// LTI deep linking, the picker's form (app/(instructor)/instructor/lti/deep-link/page.tsx):
// answers with a page that posts the signed content items to the LMS (server/lti/deep-link.ts).
// Same-origin like every form (no crossSite exception: in the LMS's frame the picker is still a
// page of this app). No session needed — in a frame the session cookie is not sent: the request
// it carries, signed by this app at the launch for an instructor, is the authority, and that
// instructor must still be one (a session of someone else is refused). Its responses carry their
// own CSP (form-action: the LMS's return address; frame-ancestors: the LMS's origin) and framing
// headers: next.config.ts leaves this path's to them.
import { anyone } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { deepLinkForm } from "@/server/lti/deep-link";
import { finishDeepLink } from "@/server/lti/deep-link-response";
import { appOrigin } from "@/server/lti/login";

export const POST = jsonRoute(
  // The signed request holds the LMS's return address and data (at most 2,000 and 4,096 bytes).
  { who: anyone, body: deepLinkForm, bodyAs: "form", refuseAs: "page", maxBytes: 32 * 1024 },
  ({ body, asker, request }) => finishDeepLink(body, asker, appOrigin(request.nextUrl.origin)),
);
