// Shown in development in place of a unit that has problems, so an author sees exactly what
// to fix while the rest of the course keeps working.
import type { Problem } from "@/lib/problems";
import { formatProblem } from "@/lib/problems";

export function LessonProblems({ file, problems }: { file: string; problems: Problem[] }) {
  return (
    <section className="lesson-problems" aria-labelledby="problems-title">
      <h1 id="problems-title">This unit has {problems.length} problem{problems.length === 1 ? "" : "s"}</h1>
      <p>
        Fix these in <code>{file}</code> and save; the page updates on refresh. <code>npm run lessons:check</code> lists the
        same problems.
      </p>
      <ul>
        {problems.map((p) => (
          <li key={formatProblem(p)}>
            <code>{formatProblem(p)}</code>
          </li>
        ))}
      </ul>
    </section>
  );
}
