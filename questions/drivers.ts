// The browser tests' registry of question-type drivers: e2e/fixtures.ts answers any question
// through it, by mouse or by keyboard, without asking which type it is.
import type { Locator, Page } from "@playwright/test";
import { categorise } from "./categorise/driver";
import type { Driver } from "./driver-kit";
import { highlight } from "./highlight/driver";
import type { DefinitionOf, QuestionDefinition, QuestionType } from "./index";
import { multiple } from "./multiple/driver";
import { ordering } from "./ordering/driver";
import { single } from "./single/driver";
import { truefalse } from "./truefalse/driver";
import { written } from "./written/driver";
import { search } from "./search/driver";

export const DRIVERS = { single, multiple, truefalse, ordering, categorise, highlight, written, search } satisfies { [T in QuestionType]: Driver<DefinitionOf<T>> };

/** Answers one question on the page (see Driver in ./driver-kit.ts). */
export function answerQuestion(page: Page, question: Locator, q: QuestionDefinition, right: boolean, keyboard = false): Promise<void> {
  return (DRIVERS[q.type] as Driver<QuestionDefinition>)(page, question, q, right, keyboard);
}
