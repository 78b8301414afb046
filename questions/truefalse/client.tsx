import { pickOneClient } from "../choice/client";

export const truefalse = pickOneClient("truefalse", "Choose true or false.");
