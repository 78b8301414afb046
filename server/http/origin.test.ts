import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./origin";

const h = (headers: Record<string, string>) => new Headers({ host: "localhost:3000", ...headers });

describe("same-origin rule for requests that change something", () => {
  it("lets same-origin browser requests and non-browser clients through", () => {
    expect(crossSiteRefusal(h({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" }))).toBeNull();
    expect(crossSiteRefusal(h({ origin: "http://localhost:3000" }))).toBeNull();
    expect(crossSiteRefusal(h({}))).toBeNull();
  });

  it("refuses another port, a sibling subdomain and another site", () => {
    expect(crossSiteRefusal(h({ "sec-fetch-site": "same-site", origin: "http://localhost:4000" }))).toMatch(/another site/);
    expect(crossSiteRefusal(h({ origin: "http://localhost:4000" }))).toMatch(/another site/);
    expect(crossSiteRefusal(h({ "sec-fetch-site": "cross-site" }))).toMatch(/another site/);
    expect(crossSiteRefusal(new Headers({ host: "headline.school.edu", origin: "https://evil.school.edu" }))).toMatch(/another site/);
  });

  it("refuses an opaque or malformed Origin", () => {
    expect(crossSiteRefusal(h({ origin: "null" }))).toMatch(/another site/);
    expect(crossSiteRefusal(h({ origin: "::garbage" }))).toMatch(/another site/);
  });

  it("trusts Sec-Fetch-Site over an Origin that looks right", () => {
    expect(crossSiteRefusal(h({ "sec-fetch-site": "same-site", origin: "http://localhost:3000" }))).toMatch(/another site/);
  });
});
