// Runs before routing. It
// - refuses a path that is not valid percent-encoded UTF-8 with a 400 (Next.js would answer
//   such a path with a 500 when it decodes the route's parameters);
// - checks every request with a body to a page (server actions) before Next.js parses it:
//   cross-site, oversized, not a form or garbled → 4xx (server/http/form-post.ts);
// - refuses a callbackUrl next-auth would answer with a 500 (server/http/auth-request.ts);
// - sends visitors who are not signed in to the sign-in page before any course page renders,
//   including the statically prerendered lesson pages. This looks only at the session cookie
//   (signature, expiry, age), not at the database: it is a convenience, not the access check.
//   Every page, route and action checks the user itself (server/access.ts). One exception: the
//   LTI deep linking picker needs no session (its signed request is its authority, and in the
//   LMS's frame the session cookie is not sent); this sets its framing headers from that
//   request instead (server/lti/deep-link.ts: pickerHeaders).
import { NextResponse, type NextRequest } from "next/server";
import { guardAuthRequest } from "@/server/http/auth-request";
import { checkFormPost } from "@/server/http/form-post";
import { DEEP_LINK_PAGE, pickerHeaders } from "@/server/lti/deep-link";
import { readSession, SESSION_COOKIE } from "@/server/session";
import { contentSecurityPolicy } from "./next.config";

const SIGNED_IN_ONLY = /^\/(course|lessons|instructor|account|preview|admin)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "Content-Type": "text/plain" } });
  }
  if (pathname.startsWith("/api/auth/")) return guardAuthRequest(request) ?? NextResponse.next();
  const reading = request.method === "GET" || request.method === "HEAD";
  if (!reading && !pathname.startsWith("/api/")) {
    const refused = await checkFormPost(request);
    if (refused) return refused;
  }
  if (pathname === DEEP_LINK_PAGE) {
    const response = NextResponse.next();
    const headers = pickerHeaders(request.nextUrl.searchParams.get("request"), contentSecurityPolicy, Math.floor(Date.now() / 1000));
    for (const [key, value] of Object.entries(headers)) response.headers.set(key, value);
    return response;
  }
  if (!reading || !SIGNED_IN_ONLY.test(pathname) || (await readSession(request.cookies.get(SESSION_COOKIE)?.value))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(pathname)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // The pages that need a signed-in user, every route with a dynamic segment (the only places
  // a malformed path reaches Next's parameter decoding), and any request with a body to a page
  // (server actions: GETs carry no Content-Type). Other API routes guard themselves
  // (server/http/route.ts) and skip the proxy, which keeps it off the hot path of quiz
  // submissions.
  matcher: [
    "/course",
    "/lessons/:path*",
    "/instructor/:path*",
    "/account/:path*",
    "/preview/:path*",
    "/admin/:path*",
    "/api/auth/:path*",
    { source: "/((?!api/|_next/).*)", has: [{ type: "header", key: "content-type" }] },
  ],
};
