// Ordering: the student puts items in order. Authors write the items in the correct order;
// each student sees them shuffled.
import type { ComponentSpec, DefinitionBase, PublicBase } from "../contract";

export type OrderingItem = { id: string; text: string; feedback: string };
/** `items` are in the correct order. */
export type OrderingDefinition = DefinitionBase & { type: "ordering"; items: OrderingItem[] };
export type OrderingPublic = PublicBase & { type: "ordering"; items: { id: string; text: string }[] };
/** Item ids, first to last; [] when the student left the question alone. */
export type OrderingResponse = { order: string[] };

export const ITEM: ComponentSpec = { attributes: ["feedback"], required: ["feedback"] };
export const parts = { Item: ITEM } as const;
