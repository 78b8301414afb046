import { NextResponse } from "next/server";
import { getCurrentUser } from "@/server/auth";

export const dynamic = "force-dynamic";

/** Who is signed in: name and role only, for the header. */
export async function GET() {
  const user = await getCurrentUser();
  return NextResponse.json(
    { user: user ? { name: user.name, role: user.role } : null },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
