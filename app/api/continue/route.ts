// GET /api/continue — the unit a signed-in person goes on with (server/course/position.ts), for
// the home page's "Continue" button; null when every unit is done. The home page stays static:
// its buttons ask here and /api/me from the browser.
import { signedIn } from "@/server/access";
import { coursePosition } from "@/server/course/position";
import { jsonRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = jsonRoute({ who: signedIn }, async ({ asker }) => {
  const { next, started } = await coursePosition(asker);
  return { unit: next ? { slug: next.slug, title: next.title } : null, started };
});
