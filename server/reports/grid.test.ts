import { describe, expect, it } from "vitest";
import { filterAndSort, GRID_PAGE_SIZE, gridQuerySchema, gridRows, pageOf, statusCounts } from "./grid";
import { unitStatus } from "./progress";

const students = [
  { id: "1", name: "Cleo", email: "cleo@x.org" },
  { id: "2", name: "Ana", email: "ana@x.org" },
  { id: "3", name: "Ben", email: "ben@x.org" },
];
const progress = new Map([
  ["1", new Map([["claims", unitStatus("completed", [{ fraction: 0.9, passed: true }])]])],
  ["2", new Map([["claims", unitStatus("completed", [{ fraction: 0.4, passed: false }])], ["sources", unitStatus("started", [])]])],
]);
const rows = gridRows(students, progress, ["claims", "sources"]);
const q = (o: Record<string, string>) => gridQuerySchema.parse(o);

describe("progress grid", () => {
  it("fills missing cells with not started and counts progress", () => {
    expect(rows[2].cells.claims.status).toBe("not-started");
    expect(rows[0]).toMatchObject({ passed: 1, completed: 1 });
    expect(rows[1]).toMatchObject({ passed: 0, completed: 1 });
  });
  it("sorts by name, by progress and by a unit's best score", () => {
    expect(filterAndSort(rows, q({})).map((r) => r.student.name)).toEqual(["Ana", "Ben", "Cleo"]);
    expect(filterAndSort(rows, q({ dir: "desc" })).map((r) => r.student.name)).toEqual(["Cleo", "Ben", "Ana"]);
    expect(filterAndSort(rows, q({ sort: "progress", dir: "desc" })).map((r) => r.student.name)).toEqual(["Cleo", "Ana", "Ben"]);
    expect(filterAndSort(rows, q({ sort: "claims" })).map((r) => r.student.name)).toEqual(["Ben", "Ana", "Cleo"]);
  });
  it("filters by status in a unit and by name or email", () => {
    expect(filterAndSort(rows, q({ unit: "claims", status: "not-started" })).map((r) => r.student.name)).toEqual(["Ben"]);
    expect(filterAndSort(rows, q({ q: "CLEO@" })).map((r) => r.student.name)).toEqual(["Cleo"]);
  });
  it("ignores malformed parameters", () => {
    expect(q({ sort: "<script>", dir: "sideways", status: "bogus" })).toMatchObject({ sort: "name", dir: "asc", status: "" });
  });
  it("counts students per status for a unit", () => {
    expect(statusCounts(rows, "sources")).toEqual({ "not-started": 2, "in-progress": 1, completed: 0, passed: 0 });
  });
});

describe("grid pages", () => {
  it("cuts rows into pages and keeps the page in range", () => {
    const many = Array.from({ length: GRID_PAGE_SIZE * 2 + 5 }, (_, i) => i);
    expect(pageOf(many, 0)).toMatchObject({ page: 0, pages: 3 });
    expect(pageOf(many, 2).rows).toEqual([200, 201, 202, 203, 204]);
    expect(pageOf(many, 99).page).toBe(2);
    expect(pageOf([], 0)).toEqual({ rows: [], page: 0, pages: 1 });
  });
  it("takes another page size (the written answers queue)", () => {
    const rows = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(rows, 2, 50)).toEqual({ rows: rows.slice(100), page: 2, pages: 3 });
    expect(pageOf(rows, 1, 50).rows).toHaveLength(50);
  });
});

describe("written answers awaiting review", () => {
  it("are counted per unit; the best score stands as a floor and a pass already earned stays", () => {
    const waiting = unitStatus("completed", [
      { fraction: 0.5, passed: false, pendingCount: 1 },
      { fraction: 0.8, passed: true, pendingCount: 1 },
    ]);
    expect(waiting).toMatchObject({ status: "passed", bestFraction: 0.8, attempts: 2, awaiting: 2 });
    expect(unitStatus("completed", [{ fraction: 0.5, passed: false, pendingCount: 1 }])).toMatchObject({ status: "completed", awaiting: 1 });
    expect(unitStatus(undefined, []).awaiting).toBe(0);
  });
});

describe("dates in a unit's progress", () => {
  it("keep when the unit was completed and the latest sign of work", () => {
    const p = unitStatus({ status: "completed", startedAt: new Date("2026-11-01"), completedAt: new Date("2026-11-03") }, [
      { fraction: 0.4, passed: false, submittedAt: new Date("2026-11-03") },
      { fraction: 0.9, passed: true, submittedAt: new Date("2026-11-09") },
    ]);
    expect(p.completedAt).toEqual(new Date("2026-11-03"));
    expect(p.lastActivity).toEqual(new Date("2026-11-09"));
    expect(unitStatus(undefined, []).lastActivity).toBeNull();
  });
});
