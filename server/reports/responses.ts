// Reading stored answers back in the course's words: what a student chose, as text, and how
// often each choice was made. Pure (no database): the question definition comes from the
// answer's QuestionVersion, so an answer keeps its meaning after the question is edited. Each
// question type says how its responses read (questions/<type>/server.ts).
import type { Tally } from "@/questions/contract";
import { describeResponse, NO_ANSWER, parseStoredResponse, tallyResponses } from "@/questions/server";

export { describeResponse, NO_ANSWER, tallyResponses, type Tally };

/** A stored response (JSON) as its question's type reads it, or null when it is not one. */
export const parseResponse = parseStoredResponse;

/** The wrong choice made most often (ties: the first in the table), or null if none was. */
export function mostCommonWrong(tallies: readonly Tally[]): Tally | null {
  return tallies.filter((t) => !t.correct && t.count > 0).sort((a, b) => b.count - a.count)[0] ?? null;
}
