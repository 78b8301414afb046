import { describe, expect, it } from "vitest";
import { continueWith, isPublished, unitLabels } from "./units";

describe("units", () => {
  it("a unit is published unless marked draft", () => {
    expect(isPublished({ frontmatter: { draft: false } })).toBe(true);
    expect(isPublished({ frontmatter: { draft: true } })).toBe(false);
    expect(isPublished({ frontmatter: null })).toBe(true);
  });

  it("numbers published units in order, leaving out assessments and drafts", () => {
    const labels = unitLabels([
      { kind: "assessment", assessment: "pre" },
      { kind: "unit" },
      { kind: "unit", draft: true },
      { kind: "unit" },
      { kind: "assessment", assessment: "post" },
    ]);
    expect(labels.map((l) => l.number)).toEqual([null, 1, null, 2, null]);
    expect(labels.map((l) => l.short)).toEqual(["Pre", "Unit 1", "Draft", "Unit 2", "Post"]);
    expect(labels.map((l) => l.long)).toEqual(["Before the course", "Unit 1", "Unit", "Unit 2", "After the course"]);
  });

  it("continues with the unit opened and not finished, else the first not started, never a draft", () => {
    const u = (slug: string, draft = false) => ({ slug, draft });
    expect(continueWith([{ unit: u("pre"), status: "completed" }, { unit: u("a"), status: "passed" }, { unit: u("b"), status: "not-started" }, { unit: u("c"), status: "in-progress" }])?.slug).toBe("c");
    expect(continueWith([{ unit: u("pre"), status: "completed" }, { unit: u("d", true), status: "not-started" }, { unit: u("b"), status: "not-started" }])?.slug).toBe("b");
    expect(continueWith([{ unit: u("a"), status: "passed" }, { unit: u("b"), status: "completed" }])).toBeNull();
  });
});
