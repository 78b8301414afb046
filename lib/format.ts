// How the course writes numbers for people. Scores are stored as fractions (0..1); pages show
// them as whole percentages. One fixed locale, so the server's HTML and the browser's render
// agree.
// Each formatter is made on its first use, not when the module loads: the first Intl formatter
// a browser tab makes loads its locale data (25–45 ms in Chromium here, four times that on
// Lighthouse's mobile CPU), and every unit page loads this module for its quizzes but formats
// nothing until a quiz has loaded (docs/benchmarks.md, "The first Intl formatter").
function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

const percent = onFirstUse(() => new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 }));

/** 0.287 → "29%"; null or undefined → "—". */
export function formatPercent(fraction: number | null | undefined): string {
  return fraction == null ? "—" : percent().format(fraction);
}

const dateTime = onFirstUse(() => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }));

/** A moment as "22 Nov 2026, 18:05 UTC": one zone, so the server's HTML and the browser agree. */
export function formatDateTime(at: Date | string): string {
  return `${dateTime().format(new Date(at))} UTC`;
}

const dateOnly = onFirstUse(() => new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }));

/** A moment's day as "22 Nov 2026" (UTC, like formatDateTime). */
export function formatDate(at: Date | string): string {
  return dateOnly().format(new Date(at));
}
