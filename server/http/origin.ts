import "server-only";
// Is a request that changes something coming from a page of this app? Used by every JSON route
// (server/http/route.ts) and, in proxy.ts, by every form post to a server action. Cross-site
// requests carry the visitor's cookies too (same-site ones always: another port, a sibling
// subdomain), so a mutation must prove where it comes from:
// - Sec-Fetch-Site, sent by every current browser, must say "same-origin";
// - else an Origin header must name this app's host (the Host header, or NEXTAUTH_URL's host
//   when a proxy rewrites Host).
// A request with neither header does not come from a browser page (scripts, tests, curl): it
// carries only cookies its sender already holds, so it is not a forgery.
// Exception, per route: the LTI endpoints receive cross-site POSTs from the LMS by design and
// prove themselves with signed tokens instead (route option `crossSite`).

/** Why this request is refused as cross-site, or null when it may proceed. */
export function crossSiteRefusal(headers: Headers): string | null {
  const site = headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return refusal;
  const origin = headers.get("origin");
  if (origin === null) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return refusal; // "null" (sandboxed frames, privacy redirects) or garbage
  }
  return host === headers.get("host") || host === appHost() ? null : refusal;
}

const refusal = "This request came from another site, so it was refused. Open the page in Behind the Headline and try again.";

let cachedAppHost: string | null | undefined;
function appHost(): string | null {
  if (cachedAppHost === undefined) {
    try {
      cachedAppHost = process.env.NEXTAUTH_URL ? new URL(process.env.NEXTAUTH_URL).host : null;
    } catch {
      cachedAppHost = null;
    }
  }
  return cachedAppHost;
}
