import { pickSeveralDriver } from "../choice/driver";

export const multiple = pickSeveralDriver;
