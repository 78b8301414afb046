import { describe, expect, it } from "vitest";
import { queueHref, queueParams, reviewHref } from "./written";

describe("the written answers queue's addresses", () => {
  it("keeps the filters, the name setting and the page from the queue to an answer and back", () => {
    const p = queueParams({ unit: "claims", names: "hidden", page: "3" });
    expect(p).toEqual({ unit: "claims", question: undefined, names: "hidden", done: false, page: 3 });
    expect(reviewHref("c1", "a1", p)).toBe("/instructor/classes/c1/written/a1?unit=claims&names=hidden&page=3");
    expect(queueParams(Object.fromEntries(new URL(`http://x${queueHref("c1", p)}`).searchParams))).toEqual(p);
  });

  it("leaves the first page and the shown names out of the address", () => {
    expect(queueHref("c1", { names: "shown", page: 0 })).toBe("/instructor/classes/c1/written");
  });

  it("reads a page number that is not a small whole number as the first page", () => {
    for (const page of ["-1", "abc", "1.5", "1e3", "99999", "", undefined, ["2", "3"]]) expect(queueParams({ page }).page, String(page)).toBe(0);
    expect(queueParams({ page: "0007" }).page).toBe(7);
  });

  it("ignores a filter too long to be a unit or question id", () => {
    expect(queueParams({ unit: "x".repeat(81) }).unit).toBeUndefined();
  });
});
