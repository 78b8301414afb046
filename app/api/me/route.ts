// GET /api/me — who is signed in: id, name and role, for the header and the quiz drafts
// (lib/drafts.ts keys a browser's drafts by the user's id).
import { anyone } from "@/server/access";
import { jsonRoute } from "@/server/http/route";

export const dynamic = "force-dynamic";

export const GET = jsonRoute({ who: anyone }, async ({ asker }) => ({ user: asker ? { id: asker.id, name: asker.name, role: asker.role } : null }));
