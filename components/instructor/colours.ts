// Chart colours: each has at least 3:1 contrast on white (WCAG 1.4.11), and every chart also
// names its series in a legend and a table, so colour is never the only cue.
export const STATUS_COLOURS = {
  "not-started": "#6b7480",
  "in-progress": "#b45309",
  completed: "#0b5cad",
  passed: "#1a6b34",
} as const;

export const PRE_COLOUR = "#6b7480";
export const POST_COLOUR = "#0b5cad";
export const SCORE_COLOUR = "#0b5cad";
