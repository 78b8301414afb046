import { describe, expect, it } from "vitest";
import { csvRows, type CsvValue } from "./csv";

const cell = (value: CsvValue) => csvRows([[value]]).slice(0, -2);

describe("CSV cells", () => {
  it("neutralises text that a spreadsheet would run as a formula", () => {
    expect(cell("=HYPERLINK(\"http://x\")")).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(cell("+1")).toBe("'+1");
    expect(cell("-2+3")).toBe("'-2+3");
    expect(cell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(cell("\tTAB")).toBe("'\tTAB");
    expect(cell("\rCR")).toBe(`"'\rCR"`);
    expect(cell("＝1+1")).toBe("'＝1+1");
  });
  it("quotes commas, quotes and line breaks", () => {
    expect(cell("a,b")).toBe('"a,b"');
    expect(cell('say "hi"')).toBe('"say ""hi"""');
    expect(cell("two\nlines")).toBe('"two\nlines"');
    expect(cell("plain")).toBe("plain");
  });
  it("writes numbers as numbers, even negative ones, and empties for missing values", () => {
    expect(cell(-0.25)).toBe("-0.25");
    expect(cell(0)).toBe("0");
    expect(cell(Number.NaN)).toBe("");
    expect(cell(null)).toBe("");
    expect(cell(undefined)).toBe("");
    expect(cell(true)).toBe("true");
    expect(cell(false)).toBe("false");
    expect(cell(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
  });
  it("ends rows with CRLF", () => {
    expect(csvRows([["a", 1, "=x"], ["b", -2, ""]])).toBe("a,1,'=x\r\nb,-2,\r\n");
  });
});
