// Where a visitor may be sent after signing in (or out): a path on this site, nothing else.
// Used by the sign-in form in the browser, by next-auth's redirect callback, and by the proxy
// to refuse a callbackUrl next-auth itself would choke on.

const PLACEHOLDER_ORIGIN = "http://return-path.invalid";
// Browsers read "\" as "/" and drop tabs and line breaks inside a URL, so "/\evil.test" and
// "/<TAB>/evil.test" lead to another site although they start with a single "/". A return path
// has no reason to contain them (or any other control character or a space): refuse them all.
const UNSAFE = /[\\\u0000-\u0020\u007f]/;

/** `raw` as a path on this site ("/course?x=1#y"), or null when it is anything else. Never throws. */
export function returnPath(raw: unknown): string | null {
  if (typeof raw !== "string" || raw.length > 2000 || !raw.startsWith("/") || raw.startsWith("//") || UNSAFE.test(raw)) return null;
  let url: URL;
  try {
    url = new URL(raw, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  return url.origin === PLACEHOLDER_ORIGIN ? url.pathname + url.search + url.hash : null;
}

/** `raw` when it is a path on this site, else `fallback`. */
export function safeReturnPath(raw: unknown, fallback = "/course"): string {
  return returnPath(raw) ?? fallback;
}

/** A path, or an absolute URL on `baseUrl`'s origin, as a path on this site; else null. */
export function onSitePath(url: unknown, baseUrl: string): string | null {
  if (typeof url !== "string" || url.startsWith("/")) return returnPath(url);
  try {
    const absolute = new URL(url);
    return absolute.origin === new URL(baseUrl).origin ? returnPath(absolute.pathname + absolute.search + absolute.hash) : null;
  } catch {
    return null;
  }
}

/** For next-auth's redirect callback: `url` when it is on `baseUrl`'s site, else `baseUrl` + `fallback`. */
export function safeRedirectUrl(url: unknown, baseUrl: string, fallback = "/"): string {
  let origin: string;
  try {
    origin = new URL(baseUrl).origin;
  } catch {
    return fallback;
  }
  return origin + (onSitePath(url, baseUrl) ?? fallback);
}
