// Categorise: the student puts each item into one of the question's groups.
import type { ComponentSpec, DefinitionBase, PublicBase } from "../contract";

export type CategoriseItem = { id: string; text: string; category: string; feedback: string };
export type Category = { id: string; label: string };
export type CategoriseDefinition = DefinitionBase & { type: "categorise"; categories: Category[]; items: CategoriseItem[] };
export type CategorisePublic = PublicBase & { type: "categorise"; categories: Category[]; items: { id: string; text: string }[] };
/** Item id → category id, for the items the student placed. */
export type CategoriseResponse = { placements: Record<string, string> };

export const CATEGORY: ComponentSpec = { attributes: ["id"], required: ["id"] };
export const SORTED_ITEM: ComponentSpec = { attributes: ["category", "feedback"], required: ["feedback"] };
export const parts = { Category: CATEGORY, Item: SORTED_ITEM } as const;
