// Sends visitors who are not signed in to the sign-in page before any course page renders,
// including the statically prerendered lesson pages. This is a convenience, not the access
// check: every page, route and action checks the user itself (server/auth.ts).
import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/signin";
  url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/course", "/lessons/:path*", "/instructor/:path*", "/account/:path*", "/preview/:path*", "/admin/:path*"],
};
