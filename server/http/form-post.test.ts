import { describe, expect, it } from "vitest";
import { checkFormPost } from "./form-post";
import { FORM_MAX_BYTES } from "./limits";

const ACTION = "602c76be55e3a70765b17b00f1c2f991fd19d63ffe";

/** A form post as React sends it for `action(previousState, formData)`. */
function reactForm(fields: Record<string, string> = { joinCode: "ABCD-2345" }, args = '[null,"$K1"]') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(`1_${k}`, v);
  form.set("0", args);
  return form;
}

function post(body: BodyInit, headers: Record<string, string> = {}) {
  return new Request("http://localhost:3000/account", { method: "POST", body, headers: { host: "localhost:3000", "next-action": ACTION, ...headers } });
}

async function outcome(request: Request) {
  const res = await checkFormPost(request);
  return res ? { status: res.status, text: await res.text() } : null;
}

describe("server-action guard (proxy)", () => {
  it("lets a form post from this site through", async () => {
    expect(await outcome(post(reactForm(), { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("lets a form post without script through (React's $ACTION fields)", async () => {
    const form = new FormData();
    form.set("$ACTION_REF_1", "");
    form.set("$ACTION_1:0", JSON.stringify({ id: ACTION, bound: "$@1" }));
    form.set("$ACTION_1:1", "[null]");
    form.set("joinCode", "ABCD-2345");
    expect(await outcome(new Request("http://localhost:3000/account", { method: "POST", body: form, headers: { host: "localhost:3000" } }))).toBeNull();
  });

  it("refuses a post from another site", async () => {
    expect(await outcome(post(reactForm(), { origin: "http://localhost:4000" }))).toMatchObject({ status: 403, text: expect.stringMatching(/another site/) });
  });

  it("refuses bodies that are not a form", async () => {
    for (const [body, type] of [
      ['["a","b"]', "text/plain;charset=UTF-8"],
      ["{}", "application/json"],
      ["joinCode=x", "application/x-www-form-urlencoded"],
    ]) {
      expect(await outcome(post(body, { "content-type": type })), type).toMatchObject({ status: 415 });
    }
  });

  it("refuses a garbled multipart body", async () => {
    expect(await outcome(post("garbage", { "content-type": "multipart/form-data; boundary=xx" }))).toMatchObject({ status: 400 });
  });

  it("refuses React fields that are not JSON, and script calls whose last argument is not a form", async () => {
    expect(await outcome(post(reactForm({}, "garbage{")))).toMatchObject({ status: 400 });
    expect(await outcome(post(reactForm({}, '["a","b"]')))).toMatchObject({ status: 400, text: expect.stringMatching(/takes a form/) });
    const form = new FormData();
    form.set("$ACTION_1:1", "garbage");
    expect(await outcome(new Request("http://localhost:3000/account", { method: "POST", body: form, headers: { host: "localhost:3000" } }))).toMatchObject({ status: 400 });
  });

  it("refuses a body over the limit, declared or chunked, without reading it all", async () => {
    const big = new FormData();
    big.set("0", '[null,"$K1"]');
    big.set("1_name", "x".repeat(FORM_MAX_BYTES));
    expect(await outcome(post(big))).toMatchObject({ status: 413 });

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(97));
      },
    });
    const chunked = new Request("http://localhost:3000/account", {
      method: "POST",
      body: endless,
      headers: { host: "localhost:3000", "content-type": "multipart/form-data; boundary=xx" },
      duplex: "half",
    } as RequestInit);
    expect(await outcome(chunked)).toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(10);
  });
});
