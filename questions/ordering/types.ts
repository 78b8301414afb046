// Ordering: the student puts items in order. Authors write the items in the correct order;
// students see them shuffled.
import type { ComponentSpec, DefinitionBase, PublicBase } from "../contract";

export type OrderingItem = { id: string; text: string; feedback: string };
/** `items` are in the correct order; `displayOrder` is the shuffled order students see. */
export type OrderingDefinition = DefinitionBase & { type: "ordering"; items: OrderingItem[]; displayOrder: string[] };
export type OrderingPublic = PublicBase & { type: "ordering"; items: { id: string; text: string }[] };
/** Item ids, first to last; [] when the student left the question alone. */
export type OrderingResponse = { order: string[] };

export const ITEM: ComponentSpec = { attributes: ["feedback"], required: ["feedback"] };
export const parts = { Item: ITEM } as const;
