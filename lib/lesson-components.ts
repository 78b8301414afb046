// The components a lesson may use, with the attributes each takes. The lesson check reads
// this list; components/mdx/registry.tsx must render every name in LESSON_COMPONENTS.
// Quiz-internal components (Question, Option, …) are read by the quiz extractor and never
// rendered as such.

import { NESTED_PARTS, QUESTION_PARTS } from "@/questions";
import type { ComponentSpec } from "@/questions/contract";

export type { ComponentSpec };

export const LESSON_COMPONENTS = {
  ContentNote: { attributes: [] },
  SourceCard: { attributes: ["source", "speaker"], required: ["source"] },
  Callout: { attributes: ["title"] },
  SideBySide: { attributes: [] },
  CitationChain: { attributes: [] },
  Hop: { attributes: ["label", "source"], required: ["label"] },
  Exercise: { attributes: ["title"], required: ["title"] },
  Reveal: { attributes: ["summary"], required: ["summary"] },
  Investigation: { attributes: ["title"], required: ["title"] },
  Profile: { attributes: ["title", "url"], required: ["title", "url"] },
  Quiz: { attributes: ["id", "practice"], required: ["id"] },
} as const satisfies Record<string, ComponentSpec>;

export type LessonComponentName = keyof typeof LESSON_COMPONENTS;

/**
 * Components that go inside a <Quiz>: Question and Explanation, and every question type's
 * parts (declared by the types: questions/index.ts).
 */
export const QUIZ_COMPONENTS = {
  Question: { attributes: ["id", "type", "discern"], required: ["id", "type"] },
  Explanation: { attributes: [] },
  ...Object.assign({}, ...Object.values(QUESTION_PARTS)),
  ...NESTED_PARTS,
} as Readonly<Record<"Question" | "Explanation", ComponentSpec> & Record<string, ComponentSpec>>;
