// Single choice: exactly one option is correct; the student picks one.
import { OPTION_PARTS, type OptionsDefinition, type OptionsPublic, type PickOneResponse } from "../choice/types";

export type SingleDefinition = OptionsDefinition<"single">;
export type SinglePublic = OptionsPublic<"single">;
export type SingleResponse = PickOneResponse;
export const parts = OPTION_PARTS;
