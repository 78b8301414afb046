import { pickOneClient } from "../choice/client";

export const single = pickOneClient("single", "Choose one answer.");
