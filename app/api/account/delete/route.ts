import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getCurrentUser } from "@/server/auth";
import { deleteOwnAccount } from "@/server/privacy";

const bodySchema = z.strictObject({ password: z.string().min(1).max(200), confirm: z.literal("DELETE") });

/** POST { password, confirm: "DELETE" }: deletes the signed-in user's account and data. */
export async function POST(request: NextRequest) {
  const user = await getCurrentUser();
  if (!user) return NextResponse.json({ ok: false, error: "Sign in first." }, { status: 401 });
  const body = bodySchema.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    return NextResponse.json({ ok: false, error: "Type your password and the word DELETE to confirm." }, { status: 400 });
  }
  const outcome = await deleteOwnAccount(user, body.data.password);
  if (!outcome.ok) return NextResponse.json(outcome, { status: 403 });
  const response = NextResponse.json(outcome);
  // End the session on this browser too.
  for (const name of ["next-auth.session-token", "__Secure-next-auth.session-token"]) response.cookies.delete(name);
  return response;
}
