// The choice family (single, truefalse, multiple) shares its option: what an author writes as
// <Option correct feedback="…" lean="…">text</Option>, and what the browser sees of it.
import type { ComponentSpec, DefinitionBase, Discern, PublicBase } from "../contract";

/** `lean`, in assessments: whether choosing this option trusts or doubts the material (docs/glossary.md). */
export type ChoiceOption = { id: string; text: string; correct: boolean; feedback: string; lean?: Discern };
export type PublicOption = { id: string; text: string };

export const OPTION: ComponentSpec = { attributes: ["correct", "feedback", "lean"], required: ["feedback"] };
export const OPTION_PARTS = { Option: OPTION } as const;

/** A question answered by choosing among options: one (single, truefalse) or several (multiple). */
export type OptionsDefinition<T extends string> = DefinitionBase & { type: T; options: ChoiceOption[] };
export type OptionsPublic<T extends string> = PublicBase & { type: T; options: PublicOption[] };
export type PickOneResponse = { choice: string };
export type PickSeveralResponse = { choices: string[] };
