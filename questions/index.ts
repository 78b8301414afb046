// The question types the course knows, with the MDX parts an author writes inside each, and
// the unions of their shapes. Shared by server and browser code: names, types and plain data
// only. To add a type, add its folder and one line here, in ./server.ts and in ./client.ts
// (docs/architecture.md, "Question types").
import type { ComponentSpec } from "./contract";
import { parts as categoriseParts, type CategoriseDefinition, type CategorisePublic, type CategoriseResponse } from "./categorise/types";
import { nestedParts as highlightNested, parts as highlightParts, type HighlightDefinition, type HighlightPublic, type HighlightResponse } from "./highlight/types";
import { parts as multipleParts, type MultipleDefinition, type MultiplePublic, type MultipleResponse } from "./multiple/types";
import { parts as orderingParts, type OrderingDefinition, type OrderingPublic, type OrderingResponse } from "./ordering/types";
import { parts as singleParts, type SingleDefinition, type SinglePublic, type SingleResponse } from "./single/types";
import { parts as searchParts, type SearchDefinition, type SearchPublic, type SearchResponse } from "./search/types";
import { parts as writtenParts, type WrittenDefinition, type WrittenPublic, type WrittenResponse } from "./written/types";
import { parts as truefalseParts, type TrueFalseDefinition, type TrueFalsePublic, type TrueFalseResponse } from "./truefalse/types";

/** Each type's parts: the components written directly inside its <Question>. */
export const QUESTION_PARTS = {
  single: singleParts,
  multiple: multipleParts,
  truefalse: truefalseParts,
  ordering: orderingParts,
  categorise: categoriseParts,
  highlight: highlightParts,
  written: writtenParts,
  search: searchParts,
} as const satisfies Record<string, Readonly<Record<string, ComponentSpec>>>;

/** Components that go inside a part rather than directly in the question (<Phrase> in <Passage>). */
export const NESTED_PARTS = { ...highlightNested } as const satisfies Record<string, ComponentSpec>;

export type QuestionType = keyof typeof QUESTION_PARTS;
export const QUESTION_TYPES = Object.keys(QUESTION_PARTS) as QuestionType[];
export const isQuestionType = (type: string): type is QuestionType => Object.hasOwn(QUESTION_PARTS, type);

/** A question as the server holds it: prompt, parts, answer key, feedback, explanation. */
export type QuestionDefinition = SingleDefinition | MultipleDefinition | TrueFalseDefinition | OrderingDefinition | CategoriseDefinition | HighlightDefinition | WrittenDefinition | SearchDefinition;
/** A question as the browser may see it. */
export type PublicQuestion = SinglePublic | MultiplePublic | TrueFalsePublic | OrderingPublic | CategorisePublic | HighlightPublic | WrittenPublic | SearchPublic;
/** A student's answer to one question, as the browser sends it. */
export type QuestionResponse = SingleResponse | MultipleResponse | TrueFalseResponse | OrderingResponse | CategoriseResponse | HighlightResponse | WrittenResponse | SearchResponse;

/** The definition, public form and response of one type. */
export type DefinitionOf<T extends QuestionType> = Extract<QuestionDefinition, { type: T }>;
export type PublicOf<T extends QuestionType> = Extract<PublicQuestion, { type: T }>;
export type ResponseOf<T extends QuestionType> = {
  single: SingleResponse;
  multiple: MultipleResponse;
  truefalse: TrueFalseResponse;
  ordering: OrderingResponse;
  categorise: CategoriseResponse;
  highlight: HighlightResponse;
  written: WrittenResponse;
  search: SearchResponse;
}[T];
