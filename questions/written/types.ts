// Written: the student writes a short answer in their own words; an instructor scores it with
// the question's rubric (levels with descriptors and points; CONTENT.md "Writing items": three
// levels, beginning / emerging / mastery, each with one exemplar answer for instructors).
import type { ComponentSpec, DefinitionBase, PublicBase, RubricLevel } from "../contract";

export type WrittenDefinition = DefinitionBase & {
  type: "written";
  /** Characters the student may write. */
  maxLength: number;
  /** Lowest to highest points. */
  levels: RubricLevel[];
  /** An exemplar answer per level id: for instructors grading, never sent to a student. */
  exemplars: Record<string, string>;
};
/** The rubric is shown to the student (what is looked for); the exemplars are not. */
export type WrittenPublic = PublicBase & { type: "written"; maxLength: number; levels: RubricLevel[] };
export type WrittenResponse = { text: string };

export const DEFAULT_MAX_LENGTH = 800;
export const MAX_LENGTH_RANGE = { min: 50, max: 4000 } as const;

export const ANSWER_BOX: ComponentSpec = { attributes: ["maxLength"] };
export const LEVEL: ComponentSpec = { attributes: ["id", "label", "points"], required: ["id", "points"] };
export const EXEMPLAR: ComponentSpec = { attributes: ["level"], required: ["level"] };
export const parts = { AnswerBox: ANSWER_BOX, Level: LEVEL, Exemplar: EXEMPLAR } as const;
