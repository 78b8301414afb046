// POST /api/signup — a student creates an account with a class join code.
// 201 created; 400 with a message per field; 429 too many sign-ups from this network.
import { NextResponse, type NextRequest } from "next/server";
import { fieldErrors, signUpSchema } from "@/lib/validation";
import { registerStudent } from "@/server/accounts";
import { blockedFor, clientAddress, record, SIGN_UP_ADDRESS } from "@/server/security/rate-limit";

const MAX_BODY_BYTES = 8 * 1024;

export async function POST(request: NextRequest) {
  const text = await request.text();
  let body: unknown = null;
  try {
    body = text.length <= MAX_BODY_BYTES ? JSON.parse(text) : null;
  } catch {
    /* refused below */
  }
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return NextResponse.json({ ok: false, errors: { form: "The form could not be read. Reload the page and try again." } }, { status: 400 });
  }
  const parsed = signUpSchema.safeParse(body);
  if (!parsed.success) return NextResponse.json({ ok: false, errors: fieldErrors(parsed.error) }, { status: 400 });

  const addressKey = `signup:address:${clientAddress(request.headers.get("x-forwarded-for"))}`;
  if (await blockedFor(addressKey)) {
    return NextResponse.json(
      { ok: false, errors: { form: "Too many accounts were created from this network in the last hour. Try again later, or ask your instructor." } },
      { status: 429 },
    );
  }
  const result = await registerStudent(parsed.data);
  if (!result.ok) return NextResponse.json(result, { status: 400 });
  await record(addressKey, SIGN_UP_ADDRESS);
  return NextResponse.json(result, { status: 201 });
}
