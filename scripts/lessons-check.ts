// `npm run lessons:check`: checks every unit in lessons/ and prints every problem as
// `file:line:column message`. Exits 1 if there is any. Then warns, without failing, about
// answer-key cues across the course (server/validity/cues.ts).
import { checkCourse } from "../server/content/lessons";
import { formatProblem } from "../lib/problems";
import { cueSummary, cueWarnings } from "../server/validity/cues";
import { gradedQuestions } from "../server/validity/graded";

const started = performance.now();
const { lessons, problems } = await checkCourse();
const ms = Math.round(performance.now() - started);
if (problems.length) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${lessons.length} units (${ms} ms).`);
  process.exit(1);
}
// Cues that let a student score without the skill: warnings, not failures (lessons/README.md).
const graded = gradedQuestions(lessons);
for (const w of cueWarnings(graded)) console.warn(formatProblem(w));
console.log(`Answer keys: ${cueSummary(graded)}.`);
const questions = lessons.reduce((n, l) => n + l.quizzes.reduce((m, q) => m + q.questions.length, 0), 0);
console.log(`All ${lessons.length} units are fine: ${questions} questions checked in ${ms} ms.`);
