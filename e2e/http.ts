// Requests the browser test API cannot make: from a chosen local address (the server sees a
// different client address for each, as it would for different networks: all of 127.0.0.0/8
// is this machine), and bodies streamed in chunks of any size.
import http from "node:http";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string; bytesSent: number; uploadFinished: boolean };

type RawOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Stream this many bytes of `fill` without a Content-Length (chunked), stopping early if the server answers. */
  chunked?: { totalBytes: number; fill?: string };
  /** Source address, e.g. "127.0.0.21". */
  from?: string;
};

export function rawRequest(baseURL: string, path: string, options: RawOptions = {}): Promise<RawResponse> {
  const url = new URL(path, baseURL);
  return new Promise((resolve, reject) => {
    let bytesSent = 0;
    let uploadFinished = false;
    let answered = false;
    const req = http.request(
      { host: "127.0.0.1", port: url.port, path: url.pathname + url.search, method: options.method ?? "POST", headers: { Host: url.host, ...options.headers }, localAddress: options.from },
      (res) => {
        answered = true;
        const sentWhenAnswered = bytesSent;
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, bytesSent: sentWhenAnswered, uploadFinished });
        });
        res.on("error", reject);
      },
    );
    // Once the server has answered (and closed the connection), writes fail: expected.
    req.on("error", (error) => (answered ? undefined : reject(error)));
    if (options.chunked) {
      const chunk = Buffer.alloc(64 * 1024, options.chunked.fill ?? " ");
      const total = options.chunked.totalBytes;
      const pump = () => {
        while (!answered && bytesSent < total && !req.destroyed) {
          bytesSent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!answered && !req.destroyed) {
          uploadFinished = true;
          req.end();
        }
      };
      pump();
    } else {
      if (options.body !== undefined) bytesSent = Buffer.byteLength(options.body);
      uploadFinished = true;
      req.end(options.body);
    }
  });
}

/** The Cookie header of a browser context, for raw requests made on its behalf. */
export async function cookieHeader(context: { cookies: () => Promise<{ name: string; value: string }[]> }): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Signs in through next-auth's endpoint from a given local address; the error code, or null. */
export async function signInFrom(baseURL: string, from: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const csrf = await rawRequest(baseURL, "/api/auth/csrf", { method: "GET", from });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = (csrf.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await rawRequest(baseURL, "/api/auth/callback/credentials", {
    from,
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const { url } = JSON.parse(res.body) as { url: string };
  return new URL(url, baseURL).searchParams.get("error");
}
