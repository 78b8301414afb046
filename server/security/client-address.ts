// Which network address a request comes from, for per-address rate limits. Pure functions (no
// "server-only": the request hook in peer-address.ts and the unit tests use them too).
//
// TRUST_PROXY says how many proxies in front of the app append to X-Forwarded-For (nginx's
// $proxy_add_x_forwarded_for, a load balancer, a CDN). 0, the default, means none: the app
// faces the network itself, peer-address.ts overwrites whatever X-Forwarded-For a client sent
// with the address of the connection, and that is the address. With N proxies, the address is
// the Nth entry from the right: the one the outermost trusted proxy wrote. Entries further
// left were written by the client and are never used.

/** TRUST_PROXY as a number of proxies: "1", "2", … ("true" counts as 1); anything else 0. */
export function trustedProxies(value = process.env.TRUST_PROXY): number {
  const v = (value ?? "").trim().toLowerCase();
  if (v === "true" || v === "yes") return 1;
  const n = Number(v);
  return Number.isInteger(n) && n > 0 && n <= 10 ? n : 0;
}

/** The address to count a request against, from its (rewritten or proxied) X-Forwarded-For. */
export function clientAddress(forwardedFor: string | null | undefined, proxies = trustedProxies()): string {
  const entries = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const picked = entries.length === 0 ? undefined : entries[Math.max(0, entries.length - Math.max(1, proxies))];
  return picked ? addressKey(picked) : "unknown";
}

/**
 * One key per network a person can be blamed for: an IPv4 address as is (also when written
 * IPv4-mapped, "::ffff:1.2.3.4"), an IPv6 address by its /64 prefix (one home or phone gets a
 * whole /64, so single IPv6 addresses would be free for the taking). Anything else, cut short.
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[|\](:\d+)?$/g, "").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1];
  if (/^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(bare)) return bare.replace(/:\d+$/, "");
  const groups = expandIPv6(bare);
  if (groups) return `${groups.slice(0, 4).join(":")}::/64`;
  return bare.slice(0, 64) || "unknown";
}

function expandIPv6(address: string): string[] | null {
  if (!/^[0-9a-f:]+$/i.test(address) || !address.includes(":")) return null;
  const halves = address.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 2 && missing < 1) || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return groups.map((g) => parseInt(g, 16).toString(16));
}
