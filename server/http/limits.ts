// Body limits shared by the request guards and next.config.ts (no imports, so the config can
// read it). JSON routes set their own (server/http/route.ts).

/** A form posted to a server action: the app's forms hold a few short fields. */
export const FORM_MAX_BYTES = 64 * 1024;
