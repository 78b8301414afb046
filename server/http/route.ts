import "server-only";
// The one way a JSON route handler is written. Every request takes the same path:
//   who is asking        a `who` rule from server/access.ts (401/403 before anything is read)
//   → same origin        requests that change something (not GET/HEAD) must come from a page
//                        of this app (server/http/origin.ts); the per-route exception
//                        `crossSite: "signed-token"` is for endpoints that receive cross-site
//                        POSTs by design (LTI) and must verify a signed token instead
//   → content type       application/json (UTF-8), else 415; a route with `bodyAs: "form"`
//                        takes an HTML form instead (application/x-www-form-urlencoded, as an
//                        LMS posts one), its fields as strings
// A route a browser navigates to (the LTI endpoints) sets `refuseAs: "page"`: its refusals
// are a small HTML page with the same sentence (server/http/refusal-page.ts) instead of JSON.
//   → bounded body       read up to `maxBytes` and no further, chunked bodies too, else 413
//   → schema             zod: `body`, `query` (search params) and `params` (path segments), 400
//   → owns               an `owns` rule: what is asked for is the asker's (403)
//   → handler            returns data (sent as JSON), `reply(data, status)`, a Response, or a Refusal
// A route a whole class hits at once can put all of it behind a first-come-first-served gate
// (`admission`, server/http/admission.ts): 503 with Retry-After when the queue is too long.
// Every refusal and failure has one shape, ErrorBody { ok: false, error, fields? }, and no
// answer is cached. e2e/access-control.spec.ts fails for a route.ts whose handlers are not made
// here (next-auth's own route is the one listed exception).
import { unstable_rethrow } from "next/navigation";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { fieldErrors, type ErrorBody } from "@/lib/validation";
import { Refusal, type WhoRule } from "@/server/access";
import { getCurrentUser } from "@/server/auth";
import { formatBytes, readBounded, utf8Text } from "./body";
import { Admission, Busy } from "./admission";
import { crossSiteRefusal } from "./origin";
import { refusalPage } from "./refusal-page";
import { timed, withServerTiming } from "./timing";

/** The body limit of a route that does not set its own. */
export const DEFAULT_MAX_BYTES = 16 * 1024;

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;
type Input<B extends Schema, Q extends Schema, P extends Schema> = { body: Out<B>; query: Out<Q>; params: Out<P> };

export type RouteOptions<T, B extends Schema, Q extends Schema, P extends Schema, O> = {
  who: WhoRule<T>;
  body?: B;
  query?: Q;
  params?: P;
  owns?: (asker: T, input: Input<B, Q, P>) => Promise<O | Refusal>;
  maxBytes?: number;
  /** Skips the same-origin check. Only for routes that verify a signed token from the sender. */
  crossSite?: "signed-token";
  /** How the body is sent: JSON (the default) or an HTML form (application/x-www-form-urlencoded). */
  bodyAs?: "json" | "form";
  /** How refusals are told: JSON (the default) or an HTML page, for routes a browser navigates to. */
  refuseAs?: "json" | "page";
  /** The sentence for a body or query the schema refused (the default names the first problem). */
  invalid?: (error: z.ZodError) => string;
  /** A first-come-first-served gate (server/http/admission.ts): 503 + Retry-After when the wait would be too long. */
  admission?: Admission;
};

export type RouteContext<T, B extends Schema, Q extends Schema, P extends Schema, O> = Input<B, Q, P> & {
  asker: T;
  owned: O;
  request: NextRequest;
};

type Handler<T, B extends Schema, Q extends Schema, P extends Schema, O> = (ctx: RouteContext<T, B, Q, P, O>) => Promise<unknown>;
type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

// No cache keeps an answer; and none is compressed (no-transform): the answers are a few KB,
// and gzipping each one cost a submission more CPU than it saved on the network.
const NO_STORE = { "Cache-Control": "no-store, no-transform" };

/** A JSON answer with its status (not cached). */
export function reply(data: unknown, status = 200): NextResponse {
  return NextResponse.json(data, { status, headers: NO_STORE });
}

/** Runs a route through its gate; a Busy gate answers 503 with the seconds to wait before sending again. */
async function admitted(gate: Admission, route: () => Promise<Response>): Promise<Response> {
  const outcome = await timed("queue", () => gate.run(route));
  if (!(outcome instanceof Busy)) return outcome;
  const response = refuse(503, "The server is busy: your answers were not saved yet. They are sent again automatically in a moment.");
  response.headers.set("Retry-After", String(outcome.retryAfterSeconds));
  return response;
}

/** A refusal in the one error shape. */
export function refuse(status: number, error: string, fields?: Partial<Record<string, string>>): NextResponse {
  return refuseJson(status, error, fields);
}

function refuseJson(status: number, error: string, fields?: Partial<Record<string, string>>): NextResponse {
  const body: ErrorBody = fields && Object.keys(fields).length ? { ok: false, error, fields: fields as Record<string, string> } : { ok: false, error };
  return NextResponse.json(body, { status, headers: NO_STORE });
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join(".")})` : "";
  return `The request was not understood${where}: ${issue?.message ?? "malformed"}.`;
}

const MUTATION = (method: string) => method !== "GET" && method !== "HEAD";

function isType(contentType: string | null, expected: string): boolean {
  const [type, ...params] = (contentType ?? "").toLowerCase().split(";").map((s) => s.trim());
  const charset = params.find((p) => p.startsWith("charset="))?.slice(8).replace(/"/g, "");
  return type === expected && (charset === undefined || charset === "utf-8");
}

const BODY_TYPES = {
  json: { type: "application/json", wrongType: "Send the request as JSON (Content-Type: application/json).", malformed: "The request is not valid JSON. Nothing was saved.", parse: (text: string): unknown => JSON.parse(text) },
  // Repeated fields keep their last value; every value is a string (the schema says which are needed).
  form: { type: "application/x-www-form-urlencoded", wrongType: "Send the request as a form (Content-Type: application/x-www-form-urlencoded).", malformed: "The form could not be read. Nothing was saved.", parse: (text: string): unknown => Object.fromEntries(new URLSearchParams(text)) },
} as const;

export function jsonRoute<T, B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined, O = undefined>(
  options: RouteOptions<T, B, Q, P, O>,
  handler: Handler<T, B, Q, P, O>,
): (request: NextRequest, context: NextContext) => Promise<Response> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const invalid = options.invalid ?? describe;
  const bodyType = BODY_TYPES[options.bodyAs ?? "json"];
  const refuse: (status: number, error: string, fields?: Partial<Record<string, string>>) => Response = options.refuseAs === "page" ? (status, error) => refusalPage(status, error) : refuseJson;
  const parse = <S extends Schema>(schema: S, value: unknown): { ok: true; data: Out<S> } | { ok: false; response: Response } => {
    if (!schema) return { ok: true, data: undefined as Out<S> };
    const parsed = schema.safeParse(value);
    return parsed.success ? { ok: true, data: parsed.data as Out<S> } : { ok: false, response: refuse(400, invalid(parsed.error), fieldErrors(parsed.error)) };
  };

  const gate = options.admission;
  return (request, context) => withServerTiming(() => (gate ? admitted(gate, () => guardedRoute(request, context)) : guardedRoute(request, context)));

  async function guardedRoute(request: NextRequest, context: NextContext): Promise<Response> {
    try {
      const asker = options.who(await timed("who", getCurrentUser));
      if (asker instanceof Refusal) return refuse(asker.status, asker.message);

      let rawBody: unknown = undefined;
      if (MUTATION(request.method)) {
        const crossSite = options.crossSite ? null : crossSiteRefusal(request.headers);
        if (crossSite) return refuse(403, crossSite);
        if (options.body) {
          if (!isType(request.headers.get("content-type"), bodyType.type)) return refuse(415, bodyType.wrongType);
          const read = await timed("body-read", () => readBounded(request, maxBytes));
          if (!read.ok) return refuse(413, `The request is too large (the limit is ${formatBytes(maxBytes)}). Nothing was saved.`);
          const text = utf8Text(read.bytes);
          if (text === null) return refuse(400, "The request is not valid UTF-8 text. Nothing was saved.");
          try {
            rawBody = bodyType.parse(text);
          } catch {
            return refuse(400, bodyType.malformed);
          }
        }
      }

      const body = await timed("body-schema", () => parse(options.body, rawBody));
      if (!body.ok) return body.response;
      const query = parse(options.query, Object.fromEntries(request.nextUrl.searchParams));
      if (!query.ok) return query.response;
      const params = parse(options.params, (await context?.params) ?? {});
      if (!params.ok) return params.response;
      const input = { body: body.data, query: query.data, params: params.data } as Input<B, Q, P>;

      const owned = options.owns ? await options.owns(asker, input) : (undefined as O);
      if (owned instanceof Refusal) return refuse(owned.status, owned.message);

      const result = await timed("handler", () => handler({ ...input, asker, owned: owned as O, request }));
      if (result instanceof Refusal) return refuse(result.status, result.message);
      if (result instanceof Response) return result;
      return await timed("reply", () => reply(result));
    } catch (error) {
      unstable_rethrow(error);
      console.error(`[${request.method} ${request.nextUrl.pathname}]`, error);
      return refuse(500, "Something went wrong on the server. Please try again in a moment.");
    }
  }
}
