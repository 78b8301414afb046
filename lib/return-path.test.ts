import { describe, expect, it } from "vitest";
import { safeRedirectUrl, safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeReturnPath("/course")).toBe("/course");
    expect(safeReturnPath("/instructor/classes/abc?sort=name#top")).toBe("/instructor/classes/abc?sort=name#top");
    expect(safeReturnPath("/lessons/%5Cnot-a-host")).toBe("/lessons/%5Cnot-a-host");
  });

  it("refuses every way of leaving the site that starts with one slash", () => {
    for (const raw of [
      "/\\evil.test/",
      "/\\\\evil.test",
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r\n/evil.test",
      "/ /evil.test",
      "//evil.test",
      "///evil.test",
      "/\u0000/evil.test",
      "https://evil.test/",
      "javascript:alert(1)",
      "evil.test",
      "",
      "x".repeat(3000),
    ]) {
      expect(safeReturnPath(raw), JSON.stringify(raw)).toBe("/course");
    }
  });

  it("refuses what is not a string", () => {
    for (const raw of [null, undefined, 1, ["/course"], { toString: () => "/course" }]) expect(safeReturnPath(raw, "/x")).toBe("/x");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it("keeps same-origin URLs and paths", () => {
    expect(safeRedirectUrl("/course", base)).toBe("http://localhost:3000/course");
    expect(safeRedirectUrl("http://localhost:3000/account?x=1", base)).toBe("http://localhost:3000/account?x=1");
  });
  it("sends everything else home, without throwing on malformed input", () => {
    for (const url of ["http://evil.test/", "http://localhost:3001/", "http://[", "::", "/\\evil.test", 42]) {
      expect(safeRedirectUrl(url, base), String(url)).toBe("http://localhost:3000/");
    }
    // The URL parser reads this as a path on localhost ("/@evil.test"), as browsers do.
    expect(new URL(safeRedirectUrl("http://localhost:3000\\@evil.test", base)).origin).toBe(base);
  });
});
