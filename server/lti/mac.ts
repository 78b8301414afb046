// What this app signs for a browser to hand back (the LTI login's state, the deep linking
// request): an HMAC with NEXTAUTH_SECRET, one purpose per kind of value. Its own module, without
// the database, because proxy.ts checks a signed deep linking request too (the picker's framing).
import { createHmac } from "node:crypto";

const secret = () => process.env.NEXTAUTH_SECRET ?? "";
/** An HMAC (NEXTAUTH_SECRET) of `text` for one purpose: what this app signs for a browser to hand back. */
export const mac = (purpose: string, text: string) => createHmac("sha256", secret()).update(`lti-${purpose}|${text}`).digest("base64url");
