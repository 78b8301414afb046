// LTI Dynamic Registration (server/lti/registration.ts): the LMS opens this address with its
// openid_configuration (and registration_token). GET shows an admin what will be registered;
// the Register button posts the same parameters back (same origin only), which registers the
// tool with the platform and the platform here. Admins only: anyone else is asked to sign in
// (and comes back to this same address) or refused, before anything is fetched. Shown inside
// the LMS's frame, it links to a window of its own (framedPage).
import { admin, anyone, Refusal } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { appOrigin } from "@/server/lti/login";
import { completeRegistration, loadConfiguration, registrationParams } from "@/server/lti/registration";
import { confirmPage, donePage, framedPage, registrationRefusal, signInPage } from "@/server/lti/registration-page";

/** Where the browser says it shows the page: anything but a top-level document gets framedPage. */
const FRAMED = new Set(["iframe", "frame", "embed", "object", "fencedframe"]);
const ADMINS_ONLY = "Only an admin of Behind the Headline can register a learning platform. Sign in as an admin, then start the registration again from the learning platform.";

export const GET = jsonRoute({ who: anyone, query: registrationParams, refuseAs: "page" }, async ({ asker, query, request }) => {
  const here = request.nextUrl.pathname + request.nextUrl.search;
  if (FRAMED.has(request.headers.get("sec-fetch-dest") ?? "")) return framedPage(here);
  if (!asker) return signInPage(here);
  if (admin(asker) instanceof Refusal) return registrationRefusal(403, ADMINS_ONLY);
  const origin = appOrigin(request.nextUrl.origin);
  const config = await loadConfiguration(query.openid_configuration, origin);
  if (!config.ok) return registrationRefusal(400, config.error);
  return confirmPage(config.value, query, origin);
});

export const POST = jsonRoute({ who: admin, body: registrationParams, bodyAs: "form", refuseAs: "page" }, async ({ body, request }) => {
  const origin = appOrigin(request.nextUrl.origin);
  const config = await loadConfiguration(body.openid_configuration, origin);
  if (!config.ok) return registrationRefusal(400, config.error);
  const done = await completeRegistration(config.value, body.registration_token, origin);
  if (!done.ok) return registrationRefusal(502, done.error);
  return donePage(done.value);
});
