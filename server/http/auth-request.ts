import "server-only";
// next-auth 4 checks the callbackUrl of a request (query parameter or its callback-url cookie)
// before any callback of ours runs, and answers a malformed one with a 500. proxy.ts asks
// first: a callbackUrl parameter that is not a page of this site is refused with a 400; such a
// cookie is dropped from the request and expired (a sibling subdomain can plant cookies, and a
// bad one would otherwise break every sign-in in this browser).
import { NextResponse, type NextRequest } from "next/server";
import { onSitePath } from "@/lib/return-path";
import { CALLBACK_COOKIE, COOKIE_OPTIONS } from "@/server/session";

export function guardAuthRequest(request: NextRequest): NextResponse | null {
  const base = process.env.NEXTAUTH_URL || request.nextUrl.origin;
  const query = request.nextUrl.searchParams.get("callbackUrl");
  if (query !== null && onSitePath(query, base) === null) {
    return NextResponse.json({ ok: false, error: "The callbackUrl must be a page of this site." }, { status: 400, headers: { "Cache-Control": "no-store" } });
  }
  const cookie = request.cookies.get(CALLBACK_COOKIE)?.value;
  if (cookie === undefined || onSitePath(cookie, base) !== null) return null;
  const headers = new Headers(request.headers);
  const others = (request.headers.get("cookie") ?? "").split(";").filter((part) => part.split("=")[0].trim() !== CALLBACK_COOKIE);
  headers.set("cookie", others.join(";"));
  const response = NextResponse.next({ request: { headers } });
  response.cookies.set(CALLBACK_COOKIE, "", { ...COOKIE_OPTIONS, maxAge: 0 });
  return response;
}
