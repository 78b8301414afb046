import { describe, expect, it } from "vitest";
import { gridRows } from "./grid";
import { unitStatus } from "./progress";
import { lastActive, whoNeedsHelp } from "./overview";

const now = new Date("2026-12-10T12:00:00Z");
const students = [
  { id: "a", name: "Ash", email: "a@x" },
  { id: "b", name: "Bo", email: "b@x" },
  { id: "c", name: "Cy", email: "c@x" },
];
const units = [
  { slug: "pre", kind: "assessment" as const },
  { slug: "claims", kind: "unit" as const },
  { slug: "numbers", kind: "unit" as const },
];
const progress = new Map([
  // Ash: took claims, below the pass mark, yesterday; the pre-assessment "completed" is not a test to pass.
  ["a", new Map([
    ["pre", unitStatus({ status: "completed", completedAt: new Date("2026-11-01") }, [{ fraction: 0.3, passed: false, submittedAt: new Date("2026-11-01") }])],
    ["claims", unitStatus({ status: "completed", startedAt: new Date("2026-12-08"), completedAt: new Date("2026-12-09") }, [{ fraction: 0.4, passed: false, submittedAt: new Date("2026-12-09") }])],
  ])],
  // Bo: passed claims on time three weeks ago, nothing since.
  ["b", new Map([["claims", unitStatus({ status: "completed", completedAt: new Date("2026-11-18") }, [{ fraction: 0.9, passed: true, submittedAt: new Date("2026-11-18") }])]])],
  // Cy: never started anything.
]);
const rows = gridRows(students, progress, units.map((u) => u.slug));

describe("whoNeedsHelp", () => {
  it("lists a unit quiz taken and not passed, never an assessment", () => {
    expect(whoNeedsHelp(rows, units, new Map(), now).belowPass).toEqual([{ student: students[0], units: ["claims"] }]);
  });

  it("lists no activity for seven days, and no activity at all", () => {
    const { inactive } = whoNeedsHelp(rows, units, new Map(), now);
    expect(inactive.map((i) => [i.student.id, i.lastActive?.toISOString() ?? null])).toEqual([
      ["b", "2026-11-18T00:00:00.000Z"],
      ["c", null],
    ]);
    // A longer window keeps Bo off the list.
    expect(whoNeedsHelp(rows, units, new Map(), now, 30).inactive.map((i) => i.student.id)).toEqual(["c"]);
  });

  it("lists a due date passed without the unit completed; completed late is not missing", () => {
    const due = new Map([
      ["claims", new Date("2026-12-01T23:59:59.999Z")],
      ["numbers", new Date("2026-12-20T23:59:59.999Z")],
    ]);
    const { missing } = whoNeedsHelp(rows, units, due, now);
    expect(missing).toEqual([{ student: students[2], units: ["claims"] }]);
  });

  it("finds a student's latest activity across units", () => {
    expect(lastActive(rows[0])?.toISOString()).toBe("2026-12-09T00:00:00.000Z");
    expect(lastActive(rows[2])).toBeNull();
  });
});
