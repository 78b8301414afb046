import { afterEach, describe, expect, it, vi } from "vitest";

// lib/format.ts is loaded by every unit page's quizzes; its formatters must not be built until
// something is formatted (the first Intl formatter in a browser tab is a long task).
describe("lib/format", () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it("builds no Intl formatter when it is loaded, and each one once, on first use", async () => {
    // Counted, then made by the real constructors.
    const { NumberFormat, DateTimeFormat } = Intl;
    const numberFormat = vi.spyOn(Intl, "NumberFormat").mockImplementation(function (...args: ConstructorParameters<typeof NumberFormat>) {
      return new NumberFormat(...args);
    } as typeof NumberFormat);
    const dateTimeFormat = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(function (...args: ConstructorParameters<typeof DateTimeFormat>) {
      return new DateTimeFormat(...args);
    } as typeof DateTimeFormat);
    vi.resetModules();
    const format = await import("./format");
    expect(numberFormat).not.toHaveBeenCalled();
    expect(dateTimeFormat).not.toHaveBeenCalled();

    expect(format.formatPercent(0.287)).toBe("29%");
    expect(format.formatPercent(1)).toBe("100%");
    expect(numberFormat).toHaveBeenCalledTimes(1);
    expect(dateTimeFormat).not.toHaveBeenCalled();

    expect(format.formatDateTime("2026-11-22T18:05:00Z")).toBe("22 Nov 2026, 18:05 UTC");
    expect(format.formatDateTime(new Date("2026-12-07T09:30:00Z"))).toBe("7 Dec 2026, 09:30 UTC");
    expect(format.formatDate("2026-11-22T23:59:00Z")).toBe("22 Nov 2026");
    expect(format.formatDate("2026-12-07T00:00:00Z")).toBe("7 Dec 2026");
    expect(dateTimeFormat).toHaveBeenCalledTimes(2);
    expect(numberFormat).toHaveBeenCalledTimes(1);
  });

  it("writes a missing score as a dash", async () => {
    const { formatPercent } = await import("./format");
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent(undefined)).toBe("—");
    expect(formatPercent(0)).toBe("0%");
  });
});
