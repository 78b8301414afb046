// Simulated students who have not learned the skill: if one of them scores well on a graded
// quiz, the quiz measures something other than reading skill (lessons/README.md, "Writing
// items that measure"). Each student answers a question with a probability distribution over
// responses, so every score here is an exact expected value: no sampling, no flaky tests.
// Free of "server-only" so the command-line lesson check can use it.
import type { QuestionResponse } from "@/lib/quiz";
import type { Discern, QuestionDefinition, QuizDefinition } from "@/server/content/quiz-types";
import { respond, scoreOf, viewOf, type Choice, type QuestionView } from "./questions";

export type Weighted = { response: QuestionResponse; weight: number };
export type Student = { name: string; answer: (v: QuestionView) => Weighted[] };

/** Words that make a statement absolute; a test-wise student avoids options that contain one. */
export const ABSOLUTE_WORDS: readonly string[] = [
  "all", "always", "cannot", "certainly", "completely", "entirely", "every", "everyone", "everything",
  "must", "never", "no one", "nobody", "none", "nothing", "only", "prove", "proves",
];

/** Words a test-wise student takes to mark a hedge or an attribution in a highlight passage. */
export const HEDGE_WORDS: readonly string[] = [
  "according", "allegedly", "anonymity", "apparently", "appears", "believe", "believed", "claim", "claimed",
  "claims", "reportedly", "said", "says", "sources", "suspected", "thought", "told", "understood", "unconfirmed",
];

const words = (text: string): string[] => text.toLowerCase().replace(/[’']/g, "'").match(/[a-z']+/g) ?? [];

export function hasAbsoluteWord(text: string): boolean {
  const ws = words(text);
  const joined = ` ${ws.join(" ")} `;
  return ABSOLUTE_WORDS.some((a) => (a.includes(" ") ? joined.includes(` ${a} `) : ws.includes(a)));
}

const hasHedgeWord = (text: string) => words(text).some((w) => HEDGE_WORDS.includes(w));

// Short function words carry no topic: a word-overlap match ignores them.
const STOP = new Set(["the", "and", "for", "with", "that", "this", "from", "into", "about", "what", "which", "their", "there", "they", "them", "have", "been", "were", "does", "not"]);
/** A crude stem (first five letters of a word of four or more), enough to match "claim" with "claimed". */
const stems = (text: string) => new Set(words(text).filter((w) => w.length >= 4 && !STOP.has(w)).map((w) => w.slice(0, 5)));

const uniform = (responses: QuestionResponse[]): Weighted[] => responses.map((response) => ({ response, weight: 1 / responses.length }));

const LIMIT = 200_000;
function guard(n: number, what: string): void {
  if (n > LIMIT) throw new Error(`Too many ${what} to enumerate (${n}); the simulated students cannot score this question exactly.`);
}

/** Every subset of `ids`: a guesser ticks each choice with probability ½. */
export function subsets<T>(ids: T[]): T[][] {
  guard(2 ** ids.length, "subsets");
  return ids.reduce<T[][]>((acc, id) => [...acc, ...acc.map((s) => [...s, id])], [[]]);
}

export function permutations<T>(xs: T[]): T[][] {
  guard([...xs.keys()].reduce((f, i) => f * (i + 1), 1), "orders");
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** Every way to put each item in one of its allowed groups. */
export function placements(options: [string, string[]][]): Record<string, string>[] {
  guard(options.reduce((n, [, groups]) => n * groups.length, 1), "placements");
  return options.reduce<Record<string, string>[]>(
    (acc, [item, groups]) => acc.flatMap((p) => groups.map((g) => ({ ...p, [item]: g }))),
    [{}],
  );
}

function chance(v: QuestionView): Weighted[] {
  switch (v.type) {
    case "single":
    case "truefalse":
    case "search":
      return uniform(v.choices.map((c) => respond.choose(c.id)));
    case "multiple":
    case "highlight":
      return uniform(subsets(v.choices.map((c) => c.id)).map(respond.tick));
    case "ordering":
      return uniform(permutations(v.items.map((i) => i.id)).map(respond.arrange));
    case "categorise": {
      const groups = v.categories.map((c) => c.id);
      return uniform(placements(v.items.map((i) => [i.id, groups])).map(respond.place));
    }
    case "written":
      return uniform([respond.write("It is on the news, so it is true.")]);
  }
}

/** Guesses blindly: every response equally likely (each choice of a multiple select ticked with probability ½). */
export const randomGuesser: Student = { name: "random guesser", answer: chance };

/**
 * Answers by surface cues, never by reading:
 * - single choice and search results: the longest option, or the result with the longest title
 *   and snippet (ties shared equally);
 * - true/false: always “False”;
 * - multiple select: every option without an absolute word (ABSOLUTE_WORDS);
 * - highlight: every phrase holding a hedge or attribution word (HEDGE_WORDS), the words these
 *   questions are usually about;
 * - ordering: the order the items are shown in — a shuffle that is never the correct order
 *   (questions/ordering), so each other order equally likely;
 * - written answers: a surface judgement, which the rubric gives 0;
 * - categorise: each item in the group whose label shares the most words with it (an echo of
 *   the label), ties shared equally; with no shared word, a guess.
 */
export const testWise: Student = {
  name: "test-wise",
  answer(v) {
    switch (v.type) {
      case "single":
      case "search": {
        const longest = Math.max(...v.choices.map((c) => c.text.length));
        return uniform(v.choices.filter((c) => c.text.length === longest).map((c) => respond.choose(c.id)));
      }
      case "truefalse": {
        const no = v.choices.find((c) => /^false$/i.test(c.text.trim()));
        return no ? uniform([respond.choose(no.id)]) : chance(v);
      }
      case "multiple":
        return uniform([respond.tick(v.choices.filter((c) => !hasAbsoluteWord(c.text)).map((c) => c.id))]);
      case "highlight":
        return uniform([respond.tick(v.choices.filter((c) => hasHedgeWord(c.text)).map((c) => c.id))]);
      case "ordering": {
        const key = v.items.map((i) => i.id).join(",");
        return uniform(permutations(v.items.map((i) => i.id)).filter((order) => order.join(",") !== key).map(respond.arrange));
      }
      case "categorise": {
        const labels = v.categories.map((c) => ({ id: c.id, stems: stems(c.label) }));
        const best = v.items.map((item): [string, string[]] => {
          const own = stems(item.text);
          const overlap = labels.map((l) => [...l.stems].filter((s) => own.has(s)).length);
          const top = Math.max(...overlap);
          return [item.id, labels.filter((_, i) => overlap[i] === top).map((l) => l.id)];
        });
        return uniform(placements(best).map(respond.place));
      }
      case "written":
        return chance(v);
    }
  },
};

/**
 * Always leans one way: picks the options that lean `way` (shared equally in single choice and
 * true/false; all of them ticked in multiple select). Where no option says which way it leans
 * (highlight, ordering, categorise, unit quizzes), it has nothing to go by and guesses.
 */
function leaning(name: string, way: Discern): Student {
  return {
    name,
    answer(v) {
      if (v.type !== "single" && v.type !== "truefalse" && v.type !== "multiple") return chance(v);
      const leaned = v.choices.filter((c: Choice) => c.lean === way);
      if (v.type === "multiple" && v.choices.some((c) => c.lean)) return uniform([respond.tick(leaned.map((c) => c.id))]);
      if (leaned.length === 0) return chance(v);
      return uniform(leaned.map((c) => respond.choose(c.id)));
    },
  };
}

export const blanketSceptic = leaning("blanket sceptic", "doubt");
export const blanketBeliever = leaning("blanket believer", "trust");

export const STUDENTS: Student[] = [testWise, blanketSceptic, blanketBeliever, randomGuesser];

/** A student's expected score on one question, 0–1, graded by the real grading code. */
export function expectedScore(student: Student, q: QuestionDefinition): number {
  return student.answer(viewOf(q)).reduce((sum, { response, weight }) => sum + weight * scoreOf(q, response), 0);
}

/** A student's expected score on a quiz, 0–1: every question is worth one point. */
export function quizScore(student: Student, quiz: QuizDefinition): number {
  if (quiz.questions.length === 0) return 0;
  return quiz.questions.reduce((sum, q) => sum + expectedScore(student, q), 0) / quiz.questions.length;
}

/** A quiz (with its number of questions) or one question, and each student's score on it. */
export type ScoreRow = { quiz: string; questions?: number; scores: number[] };

export function scoreRows(quizzes: { label: string; quiz: QuizDefinition }[], students = STUDENTS): ScoreRow[] {
  return quizzes.map(({ label, quiz }) => ({ quiz: label, questions: quiz.questions.length, scores: students.map((s) => quizScore(s, quiz)) }));
}

/** One row per question of a quiz: where a quiz's high score comes from. */
export function questionRows(quiz: QuizDefinition, students = STUDENTS): ScoreRow[] {
  return quiz.questions.map((q) => ({
    quiz: `${q.id} (${q.type}${q.discern ? `, ${q.discern}` : ""})`,
    scores: students.map((s) => expectedScore(s, q)),
  }));
}

/** The rows as a plain-text table, one column per student, scores in percent. */
export function formatScoreTable(rows: ScoreRow[], students = STUDENTS): string {
  const counted = rows.some((r) => r.questions !== undefined);
  const head = [counted ? "quiz" : "question", ...(counted ? ["items"] : []), ...students.map((s) => s.name)];
  const body = rows.map((r) => [r.quiz, ...(counted ? [String(r.questions ?? "")] : []), ...r.scores.map((s) => `${(s * 100).toFixed(1)}%`)]);
  const text = counted ? 2 : 1;
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < text ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...body.map(line)].join("\n");
}
