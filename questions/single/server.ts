// Single choice on the server: the choice family's pick-one behaviour, nothing of its own.
import { pickOneType } from "../choice/server";

export const single = pickOneType("single", () => {});
