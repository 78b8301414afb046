import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formatProblem } from "@/lib/problems";
import { isSourceUrl, parseSources } from "./sources";

const GOOD = `seed-003:
  title: Orlando shooting
  outlet: CNN
  date: "13 June 2016"
  kind: network-report
paper:
  title: A study
  outlet: A journal
  date: ""
  kind: research
  url: https://doi.org/10.1000/example
`;

const problemsOf = (yaml: string) => parseSources(yaml, "lessons/sources.yaml").problems.map(formatProblem);

describe("sources.yaml", () => {
  it("reads the course's own file without a problem, and links only what has a url", () => {
    const file = path.join(process.cwd(), "lessons", "sources.yaml");
    const { sources, problems } = parseSources(readFileSync(file, "utf8"), "lessons/sources.yaml");
    expect(problems).toEqual([]);
    expect(Object.keys(sources).length).toBeGreaterThan(10);
    for (const s of Object.values(sources)) if (s.url) expect(isSourceUrl(s.url)).toBe(true);
    expect(sources["seed-001"].url).toBeUndefined();
  });

  it("accepts a good file", () => {
    const { sources, problems } = parseSources(GOOD, "lessons/sources.yaml");
    expect(problems).toEqual([]);
    expect(sources.paper).toMatchObject({ kind: "research", url: "https://doi.org/10.1000/example" });
  });

  it.each([
    ["an http address", GOOD.replace("https://doi.org", "http://doi.org"), /:11:8 Source "paper", url: url must be a full https:\/\/ address/],
    ["a script address", GOOD.replace("https://doi.org/10.1000/example", "javascript:alert(1)"), /:11:8 Source "paper", url: url must be a full https/],
    ["an address with a password", GOOD.replace("https://doi.org", "https://me:pw@doi.org"), /:11:8 Source "paper", url:/],
    ["an unknown kind", GOOD.replace("kind: research", "kind: rumour"), /:10:9 Source "paper", kind: kind must be one of: interview-transcript/],
    ["a missing outlet", GOOD.replace("  outlet: CNN\n", ""), /:1:1 Source "seed-003"/],
    ["an unknown field", GOOD.replace("  kind: research", "  kind: research\n  link: https://x.org"), /Source "paper"/],
    ["a bad id", GOOD.replace("paper:", "Paper One:"), /:6:1 Source id "Paper One"/],
  ])("reports %s at its line", (_, yaml, message) => {
    expect(problemsOf(yaml).join("\n")).toMatch(message);
  });

  it("keeps a source with a bad url so units still render, but never its url", () => {
    const { sources } = parseSources(GOOD.replace("https://doi.org/10.1000/example", "javascript:alert(1)"), "lessons/sources.yaml");
    expect(sources.paper.outlet).toBe("A journal");
    expect(sources.paper.url).toBeUndefined();
  });

  it("reports YAML that does not parse, and a file that is not a map", () => {
    expect(problemsOf("a: [b")[0]).toMatch(/^lessons\/sources\.yaml:\d+:\d+ sources\.yaml is not valid YAML/);
    expect(problemsOf("- one\n- two\n")).toEqual(["lessons/sources.yaml:1:1 sources.yaml must map each source id to its details."]);
  });
});
