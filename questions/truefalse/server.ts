// True or false on the server: pick-one, with exactly two options.
import { pickOneType } from "../choice/server";

export const truefalse = pickOneType("truefalse", (input, options) => {
  if (options.length !== 2) input.problem(input.node, `Question "${input.id}" is true/false, so it needs exactly two options (True and False).`);
});
