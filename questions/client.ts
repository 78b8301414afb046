// The browser's registry of question types: the quiz UI (components/quiz/) asks it for each
// question's controls, hint and words, and never asks which type a question is. Browser code:
// it may import the types' shared and client parts only, never questions/server.ts or a
// type's server.ts (eslint.config.mjs).
import type { ClientQuestionType } from "./client-contract";
import { categorise } from "./categorise/client";
import { highlight } from "./highlight/client";
import type { PublicOf, PublicQuestion, QuestionResponse, QuestionType, ResponseOf } from "./index";
import { multiple } from "./multiple/client";
import { ordering } from "./ordering/client";
import { single } from "./single/client";
import { truefalse } from "./truefalse/client";
import { written } from "./written/client";
import { search } from "./search/client";

export const CLIENT_TYPES = { single, multiple, truefalse, ordering, categorise, highlight, written, search } satisfies {
  [T in QuestionType]: ClientQuestionType<PublicOf<T>, ResponseOf<T>>;
};

/** The browser side of a question's type. A question and a response of the same type meet here. */
export function clientType(q: PublicQuestion): ClientQuestionType<PublicQuestion, QuestionResponse> {
  return CLIENT_TYPES[q.type] as unknown as ClientQuestionType<PublicQuestion, QuestionResponse>;
}
