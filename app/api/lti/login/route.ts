// LTI 1.3 third-party-initiated login (OIDC), GET or form POST from the LMS: server/lti/login.ts.
// Cross-site by design (crossSite: "signed-token"): it only starts a login; what it starts is
// finished solely by a launch carrying the platform's signed token, this browser's state cookie
// and the single-use nonce (docs/lti.md).
import { anyone } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { appOrigin, loginParams, startLogin } from "@/server/lti/login";

const options = { who: anyone, crossSite: "signed-token", refuseAs: "page" } as const;

export const GET = jsonRoute({ ...options, query: loginParams }, ({ query, request }) => startLogin(query, appOrigin(request.nextUrl.origin)));

export const POST = jsonRoute({ ...options, body: loginParams, bodyAs: "form" }, ({ body, request }) => startLogin(body, appOrigin(request.nextUrl.origin)));
