// The server's registry of question types, and the only way the rest of the server handles a
// question: the lesson checker, the public projection, grading, feedback, reports and seeds
// call the functions below, which ask the question's type module (questions/<type>/server.ts).
// No secrets live in this code (keys are in the lessons), but it handles keys: browser code
// must not import it (eslint.config.mjs). Free of "server-only" so the command-line scripts
// (lesson check, seeds) can use it.
import type { QuestionResult, ReviewResult } from "@/lib/quiz";
import type { BuildInput, Choice, Discern, OwnFields, RubricLevel, ServerQuestionType, Shuffle, Tally } from "./contract";
import { categorise } from "./categorise/server";
import { highlight } from "./highlight/server";
import type { DefinitionOf, PublicOf, PublicQuestion, QuestionDefinition, QuestionResponse, QuestionType, ResponseOf } from "./index";
import { multiple } from "./multiple/server";
import { ordering } from "./ordering/server";
import { single } from "./single/server";
import { truefalse } from "./truefalse/server";
import { written } from "./written/server";
import { search } from "./search/server";

export const SERVER_TYPES = { single, multiple, truefalse, ordering, categorise, highlight, written, search } satisfies {
  [T in QuestionType]: ServerQuestionType<DefinitionOf<T>, PublicOf<T>, ResponseOf<T>>;
};

// The one loosening of types: a question and a response of the same type meet here.
type AnyType = ServerQuestionType<QuestionDefinition, PublicQuestion, QuestionResponse>;
const moduleOf = (type: QuestionType) => SERVER_TYPES[type] as unknown as AnyType;

/** A question's score; `pending` when a person has still to score it (its score is 0 until then). */
export type Graded = { score: number; maxScore: 1; correct: boolean; pending?: true };
export const NO_ANSWER = "(no answer)";

/** Builds a question's own fields from its MDX parts (the lesson checker's step per type). */
export function buildQuestion(type: QuestionType, input: BuildInput): OwnFields<QuestionDefinition> | null {
  return moduleOf(type).build(input);
}

/** Every option, item or phrase of a question, with its feedback (and key and lean where it has them). */
export const choicesOf = (q: QuestionDefinition): Choice[] => moduleOf(q.type).choices(q);

const asAuthored: Shuffle = (items) => [...items];

/**
 * What the browser may see of a question: a whitelist, made by its type, with the lists a
 * student chooses among put in `shuffle`'s order (one student's, server/quiz/order.ts).
 */
export function toPublicQuestion(q: QuestionDefinition, shuffle: Shuffle = asAuthored): PublicQuestion {
  return { id: q.id, promptHtml: q.promptHtml, ...moduleOf(q.type).toPublic(q, shuffle) } as PublicQuestion;
}

/**
 * Reads a response as the browser sent it: it must have the shape the question's type takes
 * and name only what the question has. An unanswered question is valid (it scores 0).
 */
export function readResponse(q: QuestionDefinition, r: unknown): { ok: true; response: QuestionResponse } | { ok: false; error: string } {
  const type = moduleOf(q.type);
  const parsed = type.response.safeParse(r);
  if (!parsed.success) return { ok: false, error: `Question "${q.id}" takes ${type.expects}.` };
  const error = type.check(q, parsed.data);
  return error ? { ok: false, error } : { ok: true, response: parsed.data };
}

/** The problem with a response in plain words, or null when it is valid (see readResponse). */
export function responseError(q: QuestionDefinition, r: unknown): string | null {
  const read = readResponse(q, r);
  return read.ok ? null : read.error;
}

/** The empty response to a question, used when a student leaves it unanswered. */
export const emptyResponse = (q: QuestionDefinition): QuestionResponse => moduleOf(q.type).empty(q);

/**
 * Scores a valid response (check it with responseError first). A response a person must score
 * (a written answer) is `pending`, worth 0 until then.
 */
export function gradeQuestion(q: QuestionDefinition, r: QuestionResponse): Graded {
  const type = moduleOf(q.type);
  if (type.needsReview?.(q, r)) return { score: 0, maxScore: 1, correct: false, pending: true };
  const score = type.score(q, r);
  return { score, maxScore: 1, correct: score === 1 };
}

/** The rubric of a question a person scores (lowest level first) and its exemplars; null for the others. */
export function rubricOf(q: QuestionDefinition): { levels: RubricLevel[]; exemplars: Record<string, string> } | null {
  const type = moduleOf(q.type);
  return type.rubric ? { levels: type.rubric(q), exemplars: type.exemplars?.(q) ?? {} } : null;
}

/** Whether a person scores this question's answers (see rubricOf). */
export const isReviewed = (q: QuestionDefinition): boolean => rubricOf(q) !== null;

/**
 * The score a rubric level gives, 0..1: its points over the highest level's. Null when the
 * question has no such level (or no rubric).
 */
export function reviewScore(q: QuestionDefinition, levelId: string): Graded | null {
  const levels = rubricOf(q)?.levels;
  const level = levels?.find((l) => l.id === levelId);
  if (!levels || !level) return null;
  const top = Math.max(...levels.map((l) => l.points));
  const score = top > 0 ? level.points / top : 0;
  return { score, maxScore: 1, correct: score === 1 };
}

/** A stored review of an answer: the level given, the instructor's comment, when. */
export type StoredReview = { level: string | null; comment: string | null; reviewedAt: Date | null };

/** A written answer's review as its student sees it: waiting, or the level, descriptor and comment. */
export function reviewResult(q: QuestionDefinition, graded: Graded, stored: StoredReview | undefined): ReviewResult | undefined {
  const levels = rubricOf(q)?.levels;
  if (!levels) return undefined;
  if (graded.pending) return { state: "pending" };
  const level = stored?.level ? levels.find((l) => l.id === stored.level) : undefined;
  if (!level || !stored?.reviewedAt) return undefined; // left empty: scored 0, nothing to review
  return {
    state: "reviewed",
    level: level.label,
    descriptor: level.descriptor,
    points: level.points,
    maxPoints: Math.max(...levels.map((l) => l.points)),
    comment: stored.comment,
    reviewedAt: stored.reviewedAt.toISOString(),
  };
}

/** The correct response to a question: what a student sees when the answers are revealed. */
export const answerKey = (q: QuestionDefinition): QuestionResponse => moduleOf(q.type).key(q);

/**
 * What a student is told about one answered question. Always the score. Without `reveal`
 * (the quiz's policy does not allow it yet), the feedback on what they chose, with nothing
 * that identifies which choices were right: no mark per choice, no explanation (it names the
 * answer), no key. With `reveal`, all of it.
 */
export function questionResult(q: QuestionDefinition, r: QuestionResponse, graded: Graded, reveal: boolean, stored?: StoredReview): QuestionResult {
  const review = reviewResult(q, graded, stored);
  return {
    questionId: q.id,
    score: graded.score,
    maxScore: graded.maxScore,
    correct: graded.correct,
    response: r,
    feedback: moduleOf(q.type).feedback(q, r, reveal),
    ...(review ? { review } : {}),
    ...(reveal ? { explanationHtml: q.explanationHtml, answer: answerKey(q) } : {}),
  };
}

/** Whether a response trusts or doubts the material (the chosen option's lean), if it says. */
export const responseLean = (q: QuestionDefinition, r: QuestionResponse): Discern | null => moduleOf(q.type).lean(q, r);

/** A stored response read back as its type's shape, or null when it is not one (or not JSON). */
export function parseStoredResponse(q: QuestionDefinition, json: string): QuestionResponse | null {
  try {
    const parsed = moduleOf(q.type).response.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A response as plain text: option texts, an order, or item → group placements. */
export function describeResponse(q: QuestionDefinition, r: QuestionResponse | null): string {
  const type = moduleOf(q.type);
  const parts = r ? type.describe(q, r) : [];
  return parts.length ? parts.join(type.separator) : NO_ANSWER;
}

/**
 * How often each choice was made, and how many left the question unanswered. Choice and
 * highlight questions list every option in the authored order (options nobody chose
 * included); the other types list what was chosen, most chosen first.
 */
export function tallyResponses(q: QuestionDefinition, responses: readonly (QuestionResponse | null)[]): { tallies: Tally[]; unanswered: number } {
  const type = moduleOf(q.type);
  const answered = responses.filter((r): r is QuestionResponse => r !== null && type.describe(q, r).length > 0);
  return { tallies: type.tally(q, answered), unanswered: responses.length - answered.length };
}

/** A made-up response for seeds, benchmarks and tests: the key when `right`, else a typical slip. */
export const sampleResponse = (q: QuestionDefinition, right: boolean, random: () => number = Math.random): QuestionResponse =>
  moduleOf(q.type).sample(q, right, random);

