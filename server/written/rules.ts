// The pure rules for written answers: what an attempt's score becomes when an instructor
// scores one of its written answers, and how answers awaiting review count in reports.
// Free of "server-only" so seeds, benchmarks and tests can use it.
import type { QuizPolicy } from "@/lib/quiz";
import type { RubricLevel, Tally } from "@/questions/contract";
import { hasPassed } from "@/server/grading/policy";

export type AnswerScore = { score: number; pending: boolean };

/**
 * An attempt's score from its answers' scores (each question is worth one point; an answer
 * awaiting review counts 0 until then, so a score with pending answers is a floor: review can
 * only raise it). Passing is judged on the score as it stands; `policy` is null when the quiz
 * is no longer in the course, and then `passed` keeps its stored value.
 */
export function rescoreAttempt(
  answers: readonly AnswerScore[],
  maxScore: number,
  quiz: { policy: QuizPolicy; practice: boolean } | null,
  storedPassed: boolean,
): { score: number; fraction: number; passed: boolean; pendingCount: number } {
  const score = answers.reduce((sum, a) => sum + (a.pending ? 0 : a.score), 0);
  const fraction = maxScore > 0 ? score / maxScore : 0;
  const passed = quiz ? !quiz.practice && hasPassed(fraction, quiz.policy) : storedPassed;
  return { score, fraction, passed, pendingCount: answers.filter((a) => a.pending).length };
}

/** Whether an attempt's score is final: no written answer in it awaits review. */
export const isFinal = (a: { pendingCount: number }): boolean => a.pendingCount === 0;

/** A comment, trimmed; an empty one is no comment. */
export const cleanComment = (comment: string | undefined): string | null => {
  const text = comment?.replace(/\r\n/g, "\n").trim() ?? "";
  return text === "" ? null : text;
};

/**
 * Item analysis of a written question: how many answers were given each level of its rubric
 * (lowest first; the top level counts as "right"). Answers awaiting review are not among
 * `levels` (the caller counts them apart): their 0 is not a score yet.
 */
export function levelTallies(rubric: readonly RubricLevel[], levels: readonly string[]): Tally[] {
  const top = Math.max(...rubric.map((l) => l.points));
  return rubric.map((l) => ({
    label: `${l.label} (${l.points} ${l.points === 1 ? "point" : "points"})`,
    correct: l.points === top,
    count: levels.filter((id) => id === l.id).length,
    feedback: l.descriptor,
  }));
}
