// How the course writes numbers for people. Scores are stored as fractions (0..1); pages show
// them as whole percentages. One fixed locale, so the server's HTML and the browser's render
// agree.
const percent = new Intl.NumberFormat("en", { style: "percent", maximumFractionDigits: 0 });

/** 0.287 → "29%"; null or undefined → "—". */
export function formatPercent(fraction: number | null | undefined): string {
  return fraction == null ? "—" : percent.format(fraction);
}
