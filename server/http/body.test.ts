import { describe, expect, it } from "vitest";
import { formatBytes, readBounded, utf8Text } from "./body";

/** A request whose body is a stream of `chunks` chunks of `size` bytes, counting what was pulled. */
function streamed(chunks: number, size: number, headers: Record<string, string> = {}) {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= chunks) return controller.close();
      pulled++;
      controller.enqueue(new Uint8Array(size).fill(97));
    },
  });
  const request = new Request("http://x.test/", { method: "POST", body, headers, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("readBounded", () => {
  it("reads a body within the limit", async () => {
    const { request } = streamed(3, 100);
    const read = await readBounded(request, 1000);
    expect(read.ok && read.bytes.byteLength).toBe(300);
  });

  it("stops pulling a chunked body as soon as it passes the limit", async () => {
    const { request, pulled } = streamed(10_000, 1024); // 10 MB on offer
    expect(await readBounded(request, 64 * 1024)).toEqual({ ok: false, tooLarge: true });
    expect(pulled()).toBeLessThan(70);
  });

  it("refuses a declared Content-Length over the limit without reading", async () => {
    const { request, pulled } = streamed(10, 10, { "content-length": "100000000" });
    expect(await readBounded(request, 1000)).toEqual({ ok: false, tooLarge: true });
    expect(pulled()).toBeLessThanOrEqual(1);
  });

  it("refuses a Content-Length that is not a number", async () => {
    const { request } = streamed(1, 10, { "content-length": "ten" });
    expect(await readBounded(request, 1000)).toEqual({ ok: false, tooLarge: true });
  });
});

describe("utf8Text and formatBytes", () => {
  it("decodes UTF-8 and refuses anything else", () => {
    expect(utf8Text(new TextEncoder().encode("héllo"))).toBe("héllo");
    expect(utf8Text(new Uint8Array([0xff, 0xfe]))).toBeNull();
  });
  it("names limits as people read them", () => {
    expect(formatBytes(64 * 1024)).toBe("64 KB");
    expect(formatBytes(1024 * 1024)).toBe("1 MB");
  });
});
