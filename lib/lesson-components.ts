// The components a lesson may use, with the attributes each takes. The lesson check reads
// this list; components/mdx/registry.tsx must render every name in LESSON_COMPONENTS.
// Quiz-internal components (Question, Option, …) are read by the quiz extractor and never
// rendered as such.

export type ComponentSpec = { attributes: readonly string[]; required?: readonly string[] };

export const LESSON_COMPONENTS = {
  ContentNote: { attributes: [] },
  SourceCard: { attributes: ["source", "speaker"], required: ["source"] },
  Callout: { attributes: ["title"] },
  SideBySide: { attributes: [] },
  CitationChain: { attributes: [] },
  Hop: { attributes: ["label", "source"], required: ["label"] },
  Exercise: { attributes: ["title"], required: ["title"] },
  Reveal: { attributes: ["summary"], required: ["summary"] },
  Quiz: { attributes: ["id", "practice"], required: ["id"] },
} as const satisfies Record<string, ComponentSpec>;

export type LessonComponentName = keyof typeof LESSON_COMPONENTS;

export const QUIZ_COMPONENTS = {
  Question: { attributes: ["id", "type", "discern"], required: ["id", "type"] },
  Option: { attributes: ["correct", "feedback", "lean"], required: ["feedback"] },
  Item: { attributes: ["category", "feedback"], required: ["feedback"] },
  Category: { attributes: ["id"], required: ["id"] },
  Passage: { attributes: [] },
  Phrase: { attributes: ["correct", "feedback"], required: ["feedback"] },
  Explanation: { attributes: [] },
} as const satisfies Record<string, ComponentSpec>;
