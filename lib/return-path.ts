// Where a visitor may be sent after signing in (or out): a path on this site, nothing else.
// Used by the sign-in form in the browser and by next-auth's redirect callback on the server.

const PLACEHOLDER_ORIGIN = "http://return-path.invalid";
// Browsers read "\" as "/" and drop tabs and line breaks inside a URL, so "/\evil.test" and
// "/<TAB>/evil.test" lead to another site although they start with a single "/". A return path
// has no reason to contain them (or any other control character or a space): refuse them all.
const UNSAFE = /[\\\u0000-\u0020\u007f]/;

/** `raw` when it is a path on this site ("/course?x=1#y"), else `fallback`. Never throws. */
export function safeReturnPath(raw: unknown, fallback = "/course"): string {
  if (typeof raw !== "string" || raw.length > 2000 || !raw.startsWith("/") || raw.startsWith("//") || UNSAFE.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  return url.origin === PLACEHOLDER_ORIGIN ? url.pathname + url.search + url.hash : fallback;
}

/**
 * For next-auth's redirect callback: `url` may be a path or an absolute URL on `baseUrl`'s
 * origin; anything else (another site, a malformed URL) becomes `baseUrl` + `fallback`.
 */
export function safeRedirectUrl(url: unknown, baseUrl: string, fallback = "/"): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    return fallback;
  }
  let path: unknown = url;
  if (typeof url === "string" && !url.startsWith("/")) {
    try {
      const absolute = new URL(url);
      path = absolute.origin === base.origin ? absolute.pathname + absolute.search + absolute.hash : null;
    } catch {
      path = null;
    }
  }
  return base.origin + safeReturnPath(path, fallback);
}
