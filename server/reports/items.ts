import "server-only";
// Item analysis of one quiz for one class. It reads each student's FIRST attempt only: later
// attempts come after feedback (and, with some policies, the answers), so they would measure
// the feedback rather than the question. Answers are grouped by question version, so an
// edited question's old answers are analysed against the wording the students saw.
import { db } from "@/server/db";
import type { QuestionDefinition } from "@/server/content/quiz-types";
import { mostCommonWrong, parseResponse, tallyResponses, type Tally } from "./responses";
import { discrimination, facility, histogram, itemFlags, type ItemFlag } from "./stats";
import { questionVersions } from "./versions";
import { rubricOf } from "@/questions/server";
import { levelTallies } from "@/server/written/rules";

export type ItemReport = {
  questionId: string;
  version: string;
  /** 1 for the current wording when only one version was answered; else numbered by age. */
  versionNumber: number;
  versionCount: number;
  question: QuestionDefinition & { createdAt: Date };
  answered: number;
  unanswered: number;
  facility: number | null;
  discrimination: number | null;
  tallies: Tally[];
  mostCommonWrong: Tally | null;
  flags: ItemFlag[];
  /** Written answers still waiting for the instructor: not counted above until scored. */
  awaiting: number;
};

export type QuizAnalysis = {
  attempts: number;
  items: ItemReport[];
  /** Distribution of first-attempt scores, for the chart. */
  scoreBins: { label: string; count: number }[];
};

export async function analyseQuiz(studentIds: readonly string[], quizId: string, questionOrder: readonly string[]): Promise<QuizAnalysis> {
  // One index seek per student on (userId, quizId, attemptNumber): the cost follows the class.
  const attempts = await db.quizAttempt.findMany({
    where: { userId: { in: [...studentIds] }, quizId, attemptNumber: 1 },
    select: { score: true, fraction: true, answers: { select: { questionId: true, questionVersion: true, response: true, score: true, pending: true, reviewLevel: true } } },
  });
  const groups = new Map<string, { item: number; total: number; response: string; pending: boolean; level: string | null }[]>();
  for (const a of attempts) {
    for (const ans of a.answers) {
      const key = `${ans.questionId}\u0000${ans.questionVersion}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push({ item: ans.score, total: a.score, response: ans.response, pending: ans.pending, level: ans.reviewLevel });
    }
  }
  const versions = await questionVersions([...groups.keys()].map((k) => k.split("\u0000")[1]));
  const items: ItemReport[] = [];
  for (const [key, all] of groups) {
    const [questionId, version] = key.split("\u0000");
    const question = versions.get(version);
    if (!question) continue;
    // A written answer awaiting review has no score yet: it is counted apart, not as a 0.
    const rows = all.filter((r) => !r.pending);
    const rubric = rubricOf(question);
    const counted = tallyResponses(question, rows.map((r) => parseResponse(question, r.response)));
    const tallies = rubric ? levelTallies(rubric.levels, rows.flatMap((r) => (r.level ? [r.level] : []))) : counted.tallies;
    const unanswered = counted.unanswered;
    const fac = facility(rows.map((r) => r.item));
    const disc = discrimination(rows);
    items.push({
      questionId,
      version,
      versionNumber: 1,
      versionCount: 1,
      question,
      answered: rows.length,
      unanswered,
      facility: fac,
      discrimination: disc,
      tallies,
      mostCommonWrong: mostCommonWrong(tallies),
      flags: itemFlags(rows.length, fac, disc),
      awaiting: all.length - rows.length,
    });
  }
  // Course order; a question no longer in the quiz goes last; versions oldest first.
  const position = (id: string) => (questionOrder.includes(id) ? questionOrder.indexOf(id) : questionOrder.length);
  items.sort((a, b) => position(a.questionId) - position(b.questionId) || a.questionId.localeCompare(b.questionId) || a.question.createdAt.getTime() - b.question.createdAt.getTime());
  for (const item of items) {
    const same = items.filter((i) => i.questionId === item.questionId);
    item.versionCount = same.length;
    item.versionNumber = same.indexOf(item) + 1;
  }
  return { attempts: attempts.length, items, scoreBins: histogram(attempts.map((a) => a.fraction)) };
}
