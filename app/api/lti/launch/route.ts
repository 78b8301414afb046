// LTI 1.3 launch (the OIDC redirect URI): the LMS posts the signed id_token here
// (response_mode=form_post) from its own site. Cross-site by design (crossSite: "signed-token"):
// instead of the same-origin check it requires the platform's signature, this browser's state
// cookie and the single-use nonce (server/lti/launch.ts, docs/lti.md).
import { anyone } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { finishLaunch, launchForm } from "@/server/lti/launch";
import { appOrigin } from "@/server/lti/login";

export const POST = jsonRoute(
  // An id_token with many claims (Canvas, custom parameters) stays well under 64 KB.
  { who: anyone, body: launchForm, bodyAs: "form", crossSite: "signed-token", refuseAs: "page", maxBytes: 64 * 1024 },
  ({ body, request }) => finishLaunch(body, (name) => request.cookies.has(name), appOrigin(request.nextUrl.origin)),
);
