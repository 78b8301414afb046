// Short names for units where a title does not fit (chart axes): "Pre", "Unit 1"…, "Post".
type UnitLike = { kind: "unit" | "assessment"; assessment?: "pre" | "post" };

export function unitAxisLabels(units: UnitLike[]): string[] {
  let n = 0;
  return units.map((u) => (u.kind === "assessment" ? (u.assessment === "pre" ? "Pre" : "Post") : `Unit ${++n}`));
}
