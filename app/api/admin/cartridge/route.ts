// GET /api/admin/cartridge — the course as an IMS Common Cartridge 1.3 (.imscc) for an LMS to
// import: one LTI link per published unit (server/cartridge/). Admins only: it is what a
// school's LMS admin imports after adding the tool (docs/lti.md). The links point at this app's
// address as the LMS sees it: NEXTAUTH_URL when set (behind a proxy), else the request's.
import { admin } from "@/server/access";
import { getCourse } from "@/server/content/course";
import { jsonRoute } from "@/server/http/route";
import { cartridge, cartridgeUnits } from "@/server/cartridge/cartridge";
import { appOrigin } from "@/server/lti/login";

export const dynamic = "force-dynamic";

export const GET = jsonRoute({ who: admin }, async ({ request }) => {
  const body = cartridge(cartridgeUnits(await getCourse()), appOrigin(request.nextUrl.origin));
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": 'attachment; filename="behind-the-headline.imscc"',
      "Cache-Control": "private, no-store",
    },
  });
});
