// GET /api/account/export — the signed-in user's own data as a JSON download.
import { signedIn } from "@/server/access";
import { jsonRoute } from "@/server/http/route";
import { exportUserData } from "@/server/privacy";

export const dynamic = "force-dynamic";

export const GET = jsonRoute({ who: signedIn }, async ({ asker }) => {
  const data = await exportUserData(asker.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="behind-the-headline-my-data.json"`,
      "Cache-Control": "private, no-store",
    },
  });
});
