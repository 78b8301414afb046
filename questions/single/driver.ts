import { pickOneDriver } from "../choice/driver";

export const single = pickOneDriver;
