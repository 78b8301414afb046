// The shape of the synthetic load, shared by scripts/seed-load.ts and scripts/bench-instructor.ts.
export const LOAD_DOMAIN = "load.example.org";
/** The benchmarked classes come first. */
export const LOAD_CLASSES = [
  { name: "Load class of 30", size: 30, instructor: `instructor-30@${LOAD_DOMAIN}` },
  { name: "Load class of 300", size: 300, instructor: `instructor-300@${LOAD_DOMAIN}` },
  // 38 more classes share the other 870 students (22 or 23 each)
  ...Array.from({ length: 38 }, (_, i) => ({ name: `Load class ${String(i + 1).padStart(2, "0")}`, size: i < 34 ? 23 : 22, instructor: `instructor@${LOAD_DOMAIN}` })),
];
