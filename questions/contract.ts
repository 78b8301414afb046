// What a question type is. Each type is one folder under questions/ that declares everything
// about it (see docs/architecture.md, "Question types"):
//   types.ts    its shapes (definition with the key, public form, response) and the MDX parts
//               an author writes inside <Question type="…"> — plain data, safe for both sides
//   server.ts   everything the server does with it, as a ServerQuestionType (below)
//   client.tsx  everything the browser does with it, as a ClientQuestionType (questions/client.ts)
//   driver.ts   how a browser test answers it (Playwright)
// and one line in each registry: questions/index.ts (names and parts), questions/server.ts,
// questions/client.ts. Nothing outside questions/ asks which type a question is.
//
// This file is shared by server and browser code: types and plain data only, never a key.
import type { z } from "zod";
import type { Nodes } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";

export type Discern = "trust" | "doubt";

/** A component an author may write, with the attributes it takes. */
export type ComponentSpec = { attributes: readonly string[]; required?: readonly string[] };

/** What every question has, whatever its type (the definition stays on the server). */
export type DefinitionBase = {
  id: string;
  quizId: string;
  promptHtml: string;
  /** The prompt as plain text, for reports and exports. */
  promptText: string;
  explanationHtml: string;
  /** Assessments only: which way good judgement points (see docs/glossary.md). */
  discern?: Discern;
};

/** What every question shows the browser. */
export type PublicBase = { id: string; promptHtml: string };

/** Feedback on one option, item or phrase, by its id. `correct` is null when it is not said. */
export type FeedbackEntry = { id: string; correct: boolean | null; text: string };

/**
 * One level of a rubric, for types a person scores (written answers): what an answer at this
 * level does, and its points (the lowest level is worth 0).
 */
export type RubricLevel = { id: string; label: string; points: number; descriptor: string };

/** Something a student chose among, as the checker, reports and tests see it. */
export type Choice = { id: string; text: string; feedback: string; correct?: boolean; lean?: Discern };

/** One row of an item-analysis table: a choice students could make, and how many made it. */
export type Tally = { label: string; correct: boolean; count: number; feedback: string };

export type MdxElement = MdxJsxFlowElement | MdxJsxTextElement;

/** What the lesson checker hands a type to read its own parts with. */
export type BuildInput = {
  /** The question's id, for messages. */
  id: string;
  /** The <Question> element, for problems about the question as a whole. */
  node: MdxElement;
  /** The question's child elements, by component name (only names in the type's `parts`). */
  parts: Record<string, MdxElement[]>;
  /** Reads an element's attributes against its spec, reporting unknown and missing ones. */
  attributes(node: MdxElement, spec: ComponentSpec): Record<string, string | true>;
  /** Reports a problem at a node's place in the file. */
  problem(node: Nodes | undefined, message: string): void;
};

/**
 * Puts a list in the order one student sees it (seeded per student and attempt with a server
 * secret, server/quiz/order.ts), so a display order tells nothing about the key.
 */
export type Shuffle = <T>(items: readonly T[]) => T[];

/** The fields a type adds to DefinitionBase (its options, items, passage…). */
export type OwnFields<D> = Omit<D, keyof DefinitionBase>;

/**
 * Everything the server does with one question type. `D` is its definition (with the key),
 * `P` its public form, `R` a student's response. Pure functions: no database, no I/O.
 */
export interface ServerQuestionType<D extends DefinitionBase & { type: string }, P extends PublicBase & { type: string }, R> {
  type: D["type"];
  /** Builds the type's own fields from its MDX parts; reports problems; null when it cannot. */
  build(input: BuildInput): OwnFields<D> | null;
  /** Every option, item or phrase with its feedback: the checker requires feedback on each. */
  choices(q: D): Choice[];
  /**
   * What the browser may see: copied field by field, so a new secret field stays here. Lists
   * the student chooses among (options, items, categories) go through `shuffle`.
   */
  toPublic(q: D, shuffle: Shuffle): Omit<P, keyof PublicBase>;
  /** The shape of a response as the browser sends it, and what to call it in a refusal. */
  response: z.ZodType<R>;
  expects: string;
  /** A response of the right shape that names something the question lacks: a message, else null. */
  check(q: D, r: R): string | null;
  /** The response of a student who left the question unanswered. */
  empty(q: D): R;
  /** The score of a checked response, 0..1 (every question is worth one point). */
  score(q: D, r: R): number;
  /** The correct response, shown when the quiz's policy reveals the answers. */
  key(q: D): R;
  /**
   * Feedback on what the student chose. Without `reveal` it must not tell which of the
   * student's choices were right: `correct` is null, and nothing whose text says where a
   * choice belongs. With `reveal`, feedback on everything, marked right or wrong.
   */
  feedback(q: D, r: R, reveal: boolean): FeedbackEntry[];
  /** Whether the response trusts or doubts the material (the chosen option's lean), if it says. */
  lean(q: D, r: R): Discern | null;
  /** A response in words, one part per choice ([] when unanswered), and how to join them. */
  describe(q: D, r: R): string[];
  separator: string;
  /** How often each choice was made, for item analysis. */
  tally(q: D, responses: readonly R[]): Tally[];
  /**
   * A made-up response for seeds, benchmarks and tests: the key when `right`, else a typical
   * slip. `random` returns numbers in [0, 1).
   */
  sample(q: D, right: boolean, random: () => number): R;
  /**
   * For types a person scores (written answers): the rubric, lowest level first. `score`
   * then gives only what the server can give alone (0), and a response for which
   * `needsReview` is true waits for an instructor (questions/server.ts gradeQuestion).
   */
  rubric?(q: D): RubricLevel[];
  /** Exemplar answers by level id: for the instructor who scores, never for a student. */
  exemplars?(q: D): Record<string, string>;
  needsReview?(q: D, r: R): boolean;
}
