import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, trustedProxies } from "./client-address";

describe("TRUST_PROXY", () => {
  it("is off unless it names a number of proxies", () => {
    expect(trustedProxies(undefined)).toBe(0);
    expect(trustedProxies("")).toBe(0);
    expect(trustedProxies("0")).toBe(0);
    expect(trustedProxies("false")).toBe(0);
    expect(trustedProxies("-1")).toBe(0);
    expect(trustedProxies("abc")).toBe(0);
    expect(trustedProxies("1")).toBe(1);
    expect(trustedProxies("true")).toBe(1);
    expect(trustedProxies(" 2 ")).toBe(2);
  });
});

describe("client address", () => {
  it("with no proxy trusted, is the one entry the request hook wrote (the connection's address)", () => {
    expect(clientAddress("203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.5", 0)).toBe("127.0.0.5");
    expect(clientAddress(null, 0)).toBe("unknown");
  });

  it("behind N proxies, is the Nth entry from the right; what the client wrote further left is ignored", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientAddress("6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("203.0.113.7");
    // Fewer entries than proxies (a misconfigured chain): the leftmost, never undefined.
    expect(clientAddress("203.0.113.7", 3)).toBe("203.0.113.7");
  });

  it("counts an IPv6 address by its /64, so one home cannot rotate through its addresses", () => {
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:DB8:0001:0002::ffff")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("[2001:db8::1]:443")).toBe("2001:db8:0:0::/64");
    expect(addressKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("keeps IPv4 as is, and cuts anything else short", () => {
    expect(addressKey("198.51.100.4")).toBe("198.51.100.4");
    expect(addressKey("198.51.100.4:5555")).toBe("198.51.100.4");
    expect(addressKey("x".repeat(500))).toHaveLength(64);
    expect(addressKey("1:2:3:4:5:6:7:8:9")).toBe("1:2:3:4:5:6:7:8:9");
  });
});
