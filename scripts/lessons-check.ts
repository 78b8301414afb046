// `npm run lessons:check`: checks every unit in lessons/ and prints every problem as
// `file:line:column message`. Exits 1 if there is any.
import { checkCourse } from "../server/content/lessons";
import { formatProblem } from "../lib/problems";

const started = performance.now();
const { lessons, problems } = await checkCourse();
const ms = Math.round(performance.now() - started);
if (problems.length) {
  for (const p of problems) console.error(formatProblem(p));
  console.error(`\n${problems.length} problem${problems.length === 1 ? "" : "s"} in ${lessons.length} units (${ms} ms).`);
  process.exit(1);
}
const questions = lessons.reduce((n, l) => n + l.quizzes.reduce((m, q) => m + q.questions.length, 0), 0);
console.log(`All ${lessons.length} units are fine: ${questions} questions checked in ${ms} ms.`);
