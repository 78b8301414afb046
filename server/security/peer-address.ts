// Makes the forwarded headers true before Next.js reads them. Next.js fills X-Forwarded-For,
// -Host and -Proto from the connection only when the request does not carry them, so with no
// proxy in front a client could name any address (and dodge or aim the per-address limits).
// With TRUST_PROXY off (the default) this overwrites all three from the connection itself;
// with TRUST_PROXY=N it leaves them to the proxies (client-address.ts reads the right entry).
// Installed once per server process by instrumentation.ts, through Node's documented
// "http.server.request.start" diagnostics channel, which fires before the request is handled.
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { trustedProxies } from "./client-address";

let installed = false;

export function rewriteForwardedHeaders(request: IncomingMessage, socket: Socket): void {
  request.headers["x-forwarded-for"] = socket.remoteAddress ?? "unknown";
  request.headers["x-forwarded-proto"] = (socket as Socket & { encrypted?: boolean }).encrypted ? "https" : "http";
  if (request.headers.host) request.headers["x-forwarded-host"] = request.headers.host;
  else delete request.headers["x-forwarded-host"];
}

export function installPeerAddress(proxies = trustedProxies()): void {
  if (installed || proxies > 0) return;
  installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    rewriteForwardedHeaders(request, socket);
  });
}
