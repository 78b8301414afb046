import { pickSeveralClient } from "../choice/client";

export const multiple = pickSeveralClient("multiple", "Choose every answer that applies.");
