// Runs before routing. It
// - refuses a path that is not valid percent-encoded UTF-8 with a 400 (Next.js would answer
//   such a path with a 500 when it decodes the route's parameters), and
// - sends visitors who are not signed in to the sign-in page before any course page renders,
//   including the statically prerendered lesson pages. This is a convenience, not the access
//   check: every page, route and action checks the user itself (server/auth.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

const SIGNED_IN_ONLY = /^\/(course|lessons|instructor|account|preview|admin)(\/|$)/;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid.", { status: 400, headers: { "Content-Type": "text/plain" } });
  }
  if (!SIGNED_IN_ONLY.test(pathname) || (await getToken({ req: request }))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(pathname)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // The pages that need a signed-in user, and every route with a dynamic segment (the only
  // places a malformed path reaches Next's parameter decoding). API routes check the user
  // themselves and skip the proxy, which keeps it off the hot path of quiz submissions.
  matcher: ["/course", "/lessons/:path*", "/instructor/:path*", "/account/:path*", "/preview/:path*", "/admin/:path*", "/api/auth/:path*"],
};
