// LTI 1.3 values both sides share: the tool's own addresses (shown on /admin/lti for pasting
// into an LMS, and used by the login endpoint) and the rules of the platform registration form.
import { z } from "zod";
import { text } from "./validation";

export const LTI_PATHS = { login: "/api/lti/login", launch: "/api/lti/launch", jwks: "/api/lti/jwks" } as const;

/** The tool's addresses an LMS admin pastes into the LMS, for this app at `origin`. */
export function toolUrls(origin: string): { login: string; launch: string; jwks: string; target: string } {
  const base = origin.replace(/\/+$/, "");
  return { login: base + LTI_PATHS.login, launch: base + LTI_PATHS.launch, jwks: base + LTI_PATHS.jwks, target: `${base}/course` };
}

/** Host names of this machine: the only ones a URL may reach over plain http (tests, a trial on a laptop). */
export const LOOPBACK: ReadonlySet<string> = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** An https URL (http only to this machine, for local testing), without credentials or fragment. */
export function isPlatformUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
}

const url = (missing: string) =>
  text(missing)
    .transform((s) => s.trim())
    .pipe(z.string().min(1, missing).max(500, "An address can be at most 500 characters.").refine(isPlatformUrl, "Give a full https:// address (http:// only for localhost)."));

export const DEPLOYMENT_ID = /^[\x21-\x7e]{1,255}$/;

export const platformForm = z.object({
  name: text("Name the platform.")
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "Name the platform.").max(80, "A name can be at most 80 characters.").regex(/^[^\p{Cc}\p{Cf}]*$/u, "Type the name with letters, digits and spaces.")),
  issuer: url("Give the platform's issuer (iss)."),
  clientId: text("Give the client id the platform gave the tool.")
    .transform((s) => s.trim())
    .pipe(z.string().regex(/^[\x21-\x7e]{1,255}$/, "A client id is 1 to 255 visible characters without spaces.")),
  deploymentIds: text("Give at least one deployment id.")
    .transform((s) => [...new Set(s.split(/[\s,]+/).filter(Boolean))])
    .pipe(
      z
        .array(z.string().regex(DEPLOYMENT_ID, "A deployment id is 1 to 255 visible characters without spaces."))
        .min(1, "Give at least one deployment id.")
        .max(20, "At most 20 deployment ids at once."),
    ),
  authUrl: url("Give the platform's OIDC authorisation URL."),
  tokenUrl: url("Give the platform's token URL."),
  jwksUrl: url("Give the platform's JWKS (public keys) URL."),
});
