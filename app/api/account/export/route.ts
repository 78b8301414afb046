import { NextResponse } from "next/server";
import { getCurrentUser } from "@/server/auth";
import { exportUserData } from "@/server/privacy";

export const dynamic = "force-dynamic";

/** GET: the signed-in user's own data as a JSON download. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ error: "Sign in to download your data." }, { status: 401 });
  const data = await exportUserData(user.id);
  return new NextResponse(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="behind-the-headline-my-data.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
