import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { CurrentUser } from "@/server/auth";

let asker: CurrentUser | null = null;
vi.mock("@/server/auth", () => ({ getCurrentUser: async () => asker }));
vi.mock("@/server/reports/classes", () => ({ classForInstructor: async () => null, studentOf: () => null }));
const { jsonRoute, reply } = await import("./route");
const { anyone, Refusal, signedIn, teacher } = await import("@/server/access");
const { refusalPage } = await import("./refusal-page");

const student: CurrentUser = { id: "s1", name: "S", email: "s@example.org", role: "student" };
const instructor: CurrentUser = { id: "i1", name: "I", email: "i@example.org", role: "instructor" };
const noParams = { params: Promise.resolve({}) };

function post(body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) {
  return new NextRequest("http://localhost:3000/api/x", { method: "POST", body, headers: { host: "localhost:3000", ...headers }, duplex: "half" } as never);
}
async function call(handler: ReturnType<typeof jsonRoute>, request: NextRequest) {
  const res = await handler(request, noParams);
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
}

let ran = 0;
const route = jsonRoute({ who: signedIn, body: z.strictObject({ lesson: z.string().min(1) }), maxBytes: 1024 }, async ({ asker: who, body }) => {
  ran++;
  return { ok: true, who: who.id, lesson: body.lesson };
});

beforeEach(() => {
  asker = student;
  ran = 0;
});

describe("the guarded path of a JSON route", () => {
  it("runs the handler for a valid request and answers JSON that is never cached", async () => {
    const res = await call(route, post(JSON.stringify({ lesson: "lone-wolf" })));
    expect(res).toMatchObject({ status: 200, body: { ok: true, who: "s1", lesson: "lone-wolf" } });
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
  });

  it("asks who is asking first: 401 before the body is even looked at", async () => {
    asker = null;
    expect(await call(route, post("not json", { "content-type": "text/plain" }))).toMatchObject({ status: 401, body: { ok: false, error: expect.stringMatching(/Sign in/) } });
  });

  it("refuses another site (403), then anything but JSON (415)", async () => {
    expect(await call(route, post("{}", { "content-type": "application/json", origin: "http://localhost:4000" }))).toMatchObject({ status: 403 });
    expect(await call(route, post("{}", { "content-type": "application/json", "sec-fetch-site": "same-site" }))).toMatchObject({ status: 403 });
    expect(await call(route, post('{"lesson":"x"}', { "content-type": "text/plain" }))).toMatchObject({ status: 415 });
    expect(await call(route, post('{"lesson":"x"}', { "content-type": "application/json; charset=latin1" }))).toMatchObject({ status: 415 });
  });

  it("stops reading a body at the limit (413), chunked too", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(512).fill(32));
      },
    });
    expect(await call(route, post(endless))).toMatchObject({ status: 413, body: { ok: false, error: expect.stringMatching(/too large/) } });
    expect(pulled).toBeLessThan(5);
    expect(await call(route, post("x".repeat(2000)))).toMatchObject({ status: 413 });
  });

  it("refuses what is not UTF-8 or not JSON (400)", async () => {
    expect(await call(route, post(new Uint8Array([0x7b, 0xff, 0x7d])))).toMatchObject({ status: 400, body: { error: expect.stringMatching(/UTF-8/) } });
    expect(await call(route, post("{"))).toMatchObject({ status: 400, body: { error: expect.stringMatching(/JSON/) } });
  });

  it("refuses what the schema refuses, with a message per field (400)", async () => {
    const res = await call(route, post(JSON.stringify({ lesson: "" })));
    expect(res).toMatchObject({ status: 400, body: { ok: false, error: expect.stringMatching(/at lesson/), fields: { lesson: expect.any(String) } } });
    expect(ran).toBe(0);
  });

  it("checks ownership after the input is valid (403), and turns a handler's Refusal into the error shape", async () => {
    asker = instructor;
    const owned = jsonRoute({ who: teacher, params: z.object({ classId: z.string() }), owns: async () => new Refusal(403, "Not yours.") }, async () => "never");
    const res = await owned(new NextRequest("http://localhost:3000/x"), { params: Promise.resolve({ classId: "c1" }) });
    expect({ status: res.status, body: await res.json() }).toEqual({ status: 403, body: { ok: false, error: "Not yours." } });
    const refusing = jsonRoute({ who: signedIn }, async () => new Refusal(404, "Unknown unit."));
    expect(await call(refusing, new NextRequest("http://localhost:3000/x"))).toMatchObject({ status: 404, body: { ok: false, error: "Unknown unit." } });
    const replying = jsonRoute({ who: signedIn }, async () => reply({ ok: true }, 201));
    expect((await replying(new NextRequest("http://localhost:3000/x"), noParams)).status).toBe(201);
  });

  it("answers a failure inside the handler with a 500 in the same shape, without internals", async () => {
    const failing = jsonRoute({ who: signedIn }, async () => {
      throw new Error("SqliteError: disk I/O at /work/secret");
    });
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const res = await call(failing, new NextRequest("http://localhost:3000/x"));
    spy.mockRestore();
    expect(res.status).toBe(500);
    expect(res.body.ok).toBe(false);
    expect(JSON.stringify(res.body)).not.toMatch(/Sqlite|work/);
  });
});

describe("a route an LMS posts a form to (bodyAs: form, refuseAs: page, crossSite: signed-token)", () => {
  const formRoute = jsonRoute(
    { who: anyone, body: z.object({ id_token: z.string().min(1, "The launch has no id_token.") }), bodyAs: "form", refuseAs: "page", crossSite: "signed-token" },
    async ({ body }) => ({ ok: true, token: body.id_token }),
  );
  const form = (body: string, headers: Record<string, string> = {}) => post(body, { "content-type": "application/x-www-form-urlencoded", origin: "https://lms.example.org", "sec-fetch-site": "cross-site", ...headers });

  it("reads the form's fields from another site", async () => {
    const res = await formRoute(form("id_token=a.b.c&extra=1"), noParams);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, token: "a.b.c" });
  });

  it("refuses with an HTML page that says why, escaped, and is never cached", async () => {
    for (const [request, status, reason] of [
      [form("state=x"), 400, "(at id_token)"],
      [form('{"id_token":"x"}', { "content-type": "application/json" }), 415, "Send the request as a form"],
    ] as const) {
      const res = await formRoute(request, noParams);
      expect(res.status).toBe(status);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.text()).toContain(reason);
    }
    expect(await refusalPage(400, '<script>alert("x")</script>').text()).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
  });
});
