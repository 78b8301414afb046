// Multiple select: one or more options are correct; the student ticks every one that applies.
import { OPTION_PARTS, type OptionsDefinition, type OptionsPublic, type PickSeveralResponse } from "../choice/types";

export type MultipleDefinition = OptionsDefinition<"multiple">;
export type MultiplePublic = OptionsPublic<"multiple">;
export type MultipleResponse = PickSeveralResponse;
export const parts = OPTION_PARTS;
