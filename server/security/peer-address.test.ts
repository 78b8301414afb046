import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";
import { installPeerAddress } from "./peer-address";

// A real HTTP server with the hook installed, as instrumentation.ts installs it (TRUST_PROXY off).
let server: http.Server;
let port = 0;
beforeAll(async () => {
  installPeerAddress(0);
  server = http.createServer((req, res) => {
    res.end(JSON.stringify({ for: req.headers["x-forwarded-for"], host: req.headers["x-forwarded-host"], proto: req.headers["x-forwarded-proto"] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function get(headers: Record<string, string>, localAddress = "127.0.0.1"): Promise<{ for: string; host: string; proto: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, localAddress, headers }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve(JSON.parse(body)));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("with TRUST_PROXY off, forwarded headers come from the connection", () => {
  it("replaces a forged X-Forwarded-For with the connection's address", async () => {
    const seen = await get({ "X-Forwarded-For": "6.6.6.6" }, "127.0.0.9");
    expect(clientAddress(seen.for, 0)).toBe("127.0.0.9");
  });

  it("replaces a forged X-Forwarded-Host and -Proto", async () => {
    const seen = await get({ "X-Forwarded-Host": "evil.test", "X-Forwarded-Proto": "https" });
    expect(seen.host).toBe(`127.0.0.1:${port}`);
    expect(seen.proto).toBe("http");
  });

  it("fills them in when the client sent none", async () => {
    const seen = await get({}, "127.0.0.10");
    expect(clientAddress(seen.for, 0)).toBe("127.0.0.10");
  });
});
