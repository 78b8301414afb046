import "server-only";
// The guard for server actions, run by proxy.ts on every request with a body to a page. A
// server action is posted to a page's URL and Next.js parses it before any code of ours runs:
// a cross-site origin, a body over its limit, a body that is not a form or a garbled one all
// end there as a 500. So they are refused here first, each with a 4xx and a sentence:
//   same origin (server/http/origin.ts)                           403
//   multipart/form-data, the only encoding React uses for a form   415
//   at most FORM_MAX_BYTES, chunked bodies too                     413
//   a readable form whose action fields are React's JSON, and for
//   a script call (Next-Action header) arguments ending in a form  400
// Every server action here takes a form (server/http/action.ts); one that took other
// arguments would need this rule widened.
import { formatBytes, readBounded } from "./body";
import { FORM_MAX_BYTES } from "./limits";
import { crossSiteRefusal } from "./origin";

function refuse(status: number, message: string): Response {
  return new Response(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

const NOT_A_FORM = "This form could not be read. Reload the page and try again.";
/** React's server-reference fields ("$ACTION_1:0", "_1_$ACTION_1:1"): JSON. */
const ACTION_FIELD = /\$ACTION_\d+:\d+$/;
/** A reference to a FormData among a script call's arguments ("$K1"). */
const FORM_REFERENCE = /^\$K[0-9a-f]+$/;

function isJson(value: FormDataEntryValue | null): value is string {
  if (typeof value !== "string") return false;
  try {
    JSON.parse(value);
    return true;
  } catch {
    return false;
  }
}

/** A refusal for a form post that must not reach Next.js's action handling, or null. */
export async function checkFormPost(request: Request): Promise<Response | null> {
  const crossSite = crossSiteRefusal(request.headers);
  if (crossSite) return refuse(403, crossSite);
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type)) return refuse(415, "Forms are sent as multipart/form-data. Reload the page and try again.");
  const read = await readBounded(request, FORM_MAX_BYTES);
  if (!read.ok) return refuse(413, `The form is too large (the limit is ${formatBytes(FORM_MAX_BYTES)}). Nothing was saved.`);
  let form: FormData;
  try {
    form = await new Response(read.bytes as BodyInit, { headers: { "Content-Type": type } }).formData();
  } catch {
    return refuse(400, NOT_A_FORM);
  }
  for (const [name, value] of form) {
    if ((name === "0" || ACTION_FIELD.test(name)) && !isJson(value)) return refuse(400, NOT_A_FORM);
  }
  if (request.headers.has("next-action")) {
    const args = form.get("0");
    const list = isJson(args) ? (JSON.parse(args) as unknown) : null;
    if (!Array.isArray(list) || typeof list.at(-1) !== "string" || !FORM_REFERENCE.test(list.at(-1))) {
      return refuse(400, "This action takes a form. Reload the page and try again.");
    }
  }
  return null;
}
