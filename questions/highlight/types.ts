// Highlight: the student selects phrases in a passage; one or more of them are correct.
import type { ComponentSpec, DefinitionBase, PublicBase } from "../contract";

export type Phrase = { id: string; text: string; correct: boolean; feedback: string };
export type PassagePart = { text: string } | { phraseId: string; text: string };
export type HighlightDefinition = DefinitionBase & { type: "highlight"; passage: PassagePart[]; phrases: Phrase[] };
export type HighlightPublic = PublicBase & { type: "highlight"; passage: PassagePart[] };
/** The selected phrase ids, in passage order. */
export type HighlightResponse = { choices: string[] };

export const PASSAGE: ComponentSpec = { attributes: [] };
export const PHRASE: ComponentSpec = { attributes: ["correct", "feedback"], required: ["feedback"] };
/** <Phrase> goes inside the <Passage>, not directly inside the question. */
export const parts = { Passage: PASSAGE } as const;
export const nestedParts = { Phrase: PHRASE } as const;
