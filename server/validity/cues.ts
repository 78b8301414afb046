// Course-level cues an author can fix: patterns in the answer keys that let a student score
// without the skill (CONTENT.md, "Writing items"). `npm run lessons:check` prints them as
// warnings with the file and line of each question concerned; they never fail the check,
// because a single question can be fine while the course as a whole leans one way.
// Counted over graded quizzes and assessments (./graded.ts), not practice quizzes.
import type { Problem } from "@/lib/problems";
import { viewOf, type Choice } from "./questions";
import { hasAbsoluteWord } from "./students";
import type { LocatedQuestion } from "./graded";

type Keyed = LocatedQuestion & { choices: Choice[] };

/** The questions of one choice type, with their options. */
function ofType(questions: LocatedQuestion[], type: "single" | "truefalse" | "multiple"): Keyed[] {
  return questions.flatMap((lq) => {
    const v = viewOf(lq.question);
    return v.type === type ? [{ ...lq, choices: v.choices }] : [];
  });
}

const percent = (n: number, of: number) => `${Math.round((n / of) * 100)}%`;

export type LongestKey = { offenders: LocatedQuestion[]; total: number; expected: number };

/** Questions whose key is at least as long as every other option, against what chance gives (1 in n). */
export function longestKey(questions: LocatedQuestion[]): LongestKey {
  const single = ofType(questions, "single");
  const offenders = single.filter(({ choices }) => {
    const key = choices.find((c) => c.correct);
    return key !== undefined && choices.every((c) => c.text.length <= key.text.length);
  });
  const expected = single.reduce((sum, { choices }) => sum + 1 / choices.length, 0);
  return { offenders, total: single.length, expected };
}

export type TrueFalseBalance = { keyedTrue: LocatedQuestion[]; keyedFalse: LocatedQuestion[] };

export function trueFalseBalance(questions: LocatedQuestion[]): TrueFalseBalance {
  const tf = ofType(questions, "truefalse");
  const keyedTrue = tf.filter(({ choices }) => /^true$/i.test(choices.find((c) => c.correct)?.text.trim() ?? ""));
  return { keyedTrue, keyedFalse: tf.filter((q) => !keyedTrue.includes(q)) };
}

export type KeyPositions = { byPosition: LocatedQuestion[][]; expected: number[]; total: number };

/** Where the key sits among a single-choice question's options, as written (1 = first). */
export function keyPositions(questions: LocatedQuestion[]): KeyPositions {
  const single = ofType(questions, "single");
  const most = Math.max(0, ...single.map((q) => q.choices.length));
  const byPosition: LocatedQuestion[][] = Array.from({ length: most }, () => []);
  const expected = new Array<number>(most).fill(0);
  for (const q of single) {
    const at = q.choices.findIndex((c) => c.correct);
    if (at >= 0) byPosition[at].push(q);
    for (let i = 0; i < q.choices.length; i++) expected[i] += 1 / q.choices.length;
  }
  return { byPosition, expected, total: single.length };
}

export type AbsoluteWords = { keys: number; keysWith: number; distractors: number; distractorsWith: number; offenders: LocatedQuestion[] };

/** Absolute words (“always”, “never”, “only”…) in keys and in distractors of choice questions. */
export function absoluteWords(questions: LocatedQuestion[]): AbsoluteWords {
  const choice = [...ofType(questions, "single"), ...ofType(questions, "multiple")];
  const keys = choice.flatMap((q) => q.choices.filter((c) => c.correct));
  const distractors = choice.flatMap((q) => q.choices.filter((c) => !c.correct));
  return {
    keys: keys.length,
    keysWith: keys.filter((c) => hasAbsoluteWord(c.text)).length,
    distractors: distractors.length,
    distractorsWith: distractors.filter((c) => hasAbsoluteWord(c.text)).length,
    // Questions where only wrong options speak in absolutes: the cue a test-wise student uses.
    offenders: choice.filter((q) => q.choices.some((c) => !c.correct && hasAbsoluteWord(c.text)) && !q.choices.some((c) => c.correct && hasAbsoluteWord(c.text))),
  };
}

const warn = (q: LocatedQuestion, message: string): Problem => ({ file: q.file, line: q.line, column: 1, message: `warning: ${message}` });

/**
 * The warnings, one per question concerned, each saying what the course does as a whole.
 * Thresholds: the key is the longest option in 10 points more of the single-choice questions
 * than chance would give; true/false keys differ by 2 or more and one side has over 60%; one
 * key position holds at least 3 more keys than chance gives it, and 1.5 times as many;
 * absolute words are 10 points more common in distractors than in keys.
 */
export function cueWarnings(questions: LocatedQuestion[]): Problem[] {
  const out: Problem[] = [];

  const lk = longestKey(questions);
  if (lk.total > 0 && (lk.offenders.length - lk.expected) / lk.total > 0.1) {
    const course = `in ${lk.offenders.length} of ${lk.total} single-choice questions (${percent(lk.offenders.length, lk.total)}; chance: about ${percent(lk.expected, lk.total)})`;
    for (const q of lk.offenders) out.push(warn(q, `the key is the longest option, as ${course}. Make the options similar in length, or make a distractor the longest.`));
  }

  const tf = trueFalseBalance(questions);
  const tfTotal = tf.keyedTrue.length + tf.keyedFalse.length;
  const [major, minor, word] = tf.keyedTrue.length > tf.keyedFalse.length ? [tf.keyedTrue, tf.keyedFalse, "True"] : [tf.keyedFalse, tf.keyedTrue, "False"];
  if (major.length - minor.length >= 2 && major.length / tfTotal > 0.6) {
    for (const q of major) out.push(warn(q, `the key is ${word}, as in ${major.length} of ${tfTotal} true/false questions. Balance the keys: rewrite some statements so the other answer is right.`));
  }

  const kp = keyPositions(questions);
  kp.byPosition.forEach((qs, i) => {
    if (qs.length - kp.expected[i] >= 3 && qs.length >= 1.5 * kp.expected[i]) {
      const course = `${qs.length} of ${kp.total} single-choice keys are option ${i + 1} (chance: about ${Math.round(kp.expected[i])})`;
      for (const q of qs) out.push(warn(q, `the key is option ${i + 1}; ${course}. Move some keys to other positions.`));
    }
  });

  const aw = absoluteWords(questions);
  if (aw.keys > 0 && aw.distractors > 0 && aw.distractorsWith / aw.distractors - aw.keysWith / aw.keys > 0.1) {
    const course = `absolute words (“always”, “never”, “only”, “all”…) are in ${percent(aw.distractorsWith, aw.distractors)} of wrong options and ${percent(aw.keysWith, aw.keys)} of keys`;
    for (const q of aw.offenders) out.push(warn(q, `only wrong options speak in absolutes here; across the course ${course}. Use them in keys as often as in distractors.`));
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** One line on the cues, whatever they are, for the end of the lesson check. */
export function cueSummary(questions: LocatedQuestion[]): string {
  const lk = longestKey(questions);
  const tf = trueFalseBalance(questions);
  const kp = keyPositions(questions);
  const aw = absoluteWords(questions);
  return [
    `key is the longest option in ${lk.offenders.length} of ${lk.total} single-choice questions`,
    `true/false keys: ${tf.keyedTrue.length} True, ${tf.keyedFalse.length} False`,
    `key positions: ${kp.byPosition.map((qs, i) => `${i + 1}:${qs.length}`).join(" ")}`,
    `absolute words in ${aw.keysWith} of ${aw.keys} keys and ${aw.distractorsWith} of ${aw.distractors} wrong options`,
  ].join("; ");
}
