// True or false: two options (True and False), one of them correct.
import { OPTION_PARTS, type OptionsDefinition, type OptionsPublic, type PickOneResponse } from "../choice/types";

export type TrueFalseDefinition = OptionsDefinition<"truefalse">;
export type TrueFalsePublic = OptionsPublic<"truefalse">;
export type TrueFalseResponse = PickOneResponse;
export const parts = OPTION_PARTS;
