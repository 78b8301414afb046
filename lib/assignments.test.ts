import { describe, expect, it } from "vitest";
import { assignmentStatus, endOfDay, formatDay, isDay, isTimeZone } from "./assignments";

describe("endOfDay", () => {
  it("is the last millisecond of the day in the chosen zone", () => {
    expect(endOfDay("2026-12-05", "UTC")?.toISOString()).toBe("2026-12-05T23:59:59.999Z");
    expect(endOfDay("2026-12-05", "Europe/London")?.toISOString()).toBe("2026-12-05T23:59:59.999Z"); // GMT in winter
    expect(endOfDay("2026-07-05", "Europe/London")?.toISOString()).toBe("2026-07-05T22:59:59.999Z"); // BST
    expect(endOfDay("2026-12-05", "America/New_York")?.toISOString()).toBe("2026-12-06T04:59:59.999Z");
    expect(endOfDay("2026-12-05", "Asia/Kolkata")?.toISOString()).toBe("2026-12-05T18:29:59.999Z");
    expect(endOfDay("2026-12-05", "Pacific/Kiritimati")?.toISOString()).toBe("2026-12-05T09:59:59.999Z");
  });

  it("follows daylight saving on the day the clocks change", () => {
    // New York: clocks go back on 1 Nov 2026 (EDT → EST) and forward on 8 Mar 2026.
    expect(endOfDay("2026-11-01", "America/New_York")?.toISOString()).toBe("2026-11-02T04:59:59.999Z");
    expect(endOfDay("2026-03-08", "America/New_York")?.toISOString()).toBe("2026-03-09T03:59:59.999Z");
    expect(endOfDay("2026-10-25", "Europe/Berlin")?.toISOString()).toBe("2026-10-25T22:59:59.999Z");
  });

  it("refuses days that do not exist and zones it does not know", () => {
    expect(endOfDay("2026-04-31", "UTC")).toBeNull();
    expect(endOfDay("2026-13-01", "UTC")).toBeNull();
    expect(endOfDay("5/12/2026", "UTC")).toBeNull();
    expect(endOfDay("2026-12-05", "Mars/Olympus")).toBeNull();
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2027-02-29")).toBe(false);
    expect(isTimeZone("")).toBe(false);
    expect(isTimeZone("Europe/Paris")).toBe(true);
  });
});

describe("assignmentStatus", () => {
  const due = endOfDay("2026-12-05", "Europe/London")!;
  it("is done up to and including the last millisecond, late after it", () => {
    expect(assignmentStatus(due, new Date("2026-12-05T23:59:59.999Z"), new Date("2026-12-10"))).toBe("done");
    expect(assignmentStatus(due, new Date("2026-12-06T00:00:00.000Z"), new Date("2026-12-10"))).toBe("late");
  });
  it("is open until the moment passes, then missing", () => {
    expect(assignmentStatus(due, null, new Date("2026-12-05T23:59:59.999Z"))).toBe("open");
    expect(assignmentStatus(due, null, new Date("2026-12-06T00:00:00.000Z"))).toBe("missing");
  });
});

describe("formatDay", () => {
  it("writes the day as chosen", () => {
    expect(formatDay("2026-12-05")).toBe("Sat 5 Dec 2026");
    expect(formatDay("nonsense")).toBe("nonsense");
  });
});
