import { pickOneDriver } from "../choice/driver";

export const truefalse = pickOneDriver;
