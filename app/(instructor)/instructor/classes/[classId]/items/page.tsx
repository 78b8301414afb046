import type { Metadata } from "next";
import { BarChart } from "@/components/charts/BarChart";
import { ClassNav } from "@/components/instructor/ClassNav";
import { SCORE_COLOUR } from "@/components/instructor/colours";
import { getCourse } from "@/server/content/course";
import { requireOwnClass } from "@/server/access";
import { reportUnits } from "@/server/reports/classes";
import { firstValues } from "@/server/reports/grid";
import { analyseQuiz } from "@/server/reports/items";
import { FLAG_LABELS, MIN_ANSWERS_FOR_FLAGS, POOR_DISCRIMINATION, TOO_EASY_FACILITY, TOO_HARD_FACILITY } from "@/server/reports/stats";
import { formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Item analysis" };

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const two = (n: number | null) => (n === null ? "—" : n.toFixed(2));

export default async function ItemAnalysisPage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { klass } = await requireOwnClass(classId);
  const units = await reportUnits();
  const wanted = firstValues(await searchParams).unit;
  const unit = units.find((u) => u.slug === wanted) ?? units[0];
  const quiz = unit ? (await getCourse()).find((l) => l.slug === unit.slug)?.quizzes.find((q) => q.id === unit.quizId) : undefined;
  const analysis = unit ? await analyseQuiz(klass.enrollments.map((e) => e.user.id), unit.quizId, quiz?.questions.map((q) => q.id) ?? []) : null;
  const base = `/instructor/classes/${klass.id}/items`;

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/items" />
      <form method="get" action={base} className="filters">
        <div className="field">
          <label htmlFor="items-unit">Unit</label>
          <select id="items-unit" name="unit" defaultValue={unit?.slug}>
            {units.map((u) => (
              <option key={u.slug} value={u.slug}>
                {u.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>
      {!unit || !analysis ? (
        <p>No unit has a graded quiz yet.</p>
      ) : (
        <>
          <h2>{unit.title}</h2>
          <details className="explainer">
            <summary>How to read these numbers</summary>
            <p>
              Each student’s <strong>first attempt</strong> counts: later attempts come after feedback. <strong>Got it right</strong> (in
              test statistics, the <em>facility</em>) is the mean score on the question: the share who got it right, partly right answers
              counting their part. <strong>Tells strong from weak</strong> (the <em>discrimination</em>, a corrected point-biserial
              correlation) compares the score on the question with the score on the rest of the quiz: near 1, the students who do well
              overall get it right; near 0 or below, the question measures something else, or is ambiguous. Flags: too easy above{" "}
              {formatPercent(TOO_EASY_FACILITY)} right, too hard below {formatPercent(TOO_HARD_FACILITY)}, not telling strong from weak below{" "}
              {POOR_DISCRIMINATION}; none are raised on fewer than {MIN_ANSWERS_FOR_FLAGS} answers, which are too few to say anything about a
              question.
            </p>
          </details>
          <p>{analysis.attempts} students have taken this quiz.</p>
          {analysis.attempts > 0 ? (
            <BarChart
              title={`First-attempt scores: ${unit.title}`}
              description={`How many students scored in each band on their first attempt at the ${unit.title} quiz.`}
              categoryLabel="Score"
              categories={analysis.scoreBins.map((b) => b.label)}
              series={[{ name: "Students", colour: SCORE_COLOUR, values: analysis.scoreBins.map((b) => b.count) }]}
            />
          ) : null}
          {analysis.items.length > 1 ? (
            <nav aria-labelledby="items-index" className="items-index">
              <h3 id="items-index">Questions</h3>
              <ol>
                {analysis.items.map((item, i) => (
                  <li key={item.version}>
                    <a href={`#item-${i + 1}`}>{item.question.promptText.length > 90 ? `${item.question.promptText.slice(0, 88)}…` : item.question.promptText}</a>
                    {item.flags.length ? <span className="muted"> · {item.flags.map((f) => FLAG_LABELS[f]).join(", ")}</span> : null}
                  </li>
                ))}
              </ol>
            </nav>
          ) : null}
          <ol className="items">
            {analysis.items.map((item, i) => (
              <li key={item.version} id={`item-${i + 1}`} className="item" data-question={item.questionId}>
                <h3>
                  {item.question.promptText}
                  {item.versionCount > 1 ? (
                    <span className="muted">
                      {" "}
                      (wording {item.versionNumber} of {item.versionCount})
                    </span>
                  ) : null}
                </h3>
                {item.flags.length ? (
                  <p className="flags">
                    {item.flags.map((f) => (
                      <span key={f} className={`flag flag--${f}`}>
                        {FLAG_LABELS[f]}
                      </span>
                    ))}
                  </p>
                ) : null}
                <dl className="item__stats">
                  <div>
                    <dt>Answered</dt>
                    <dd>
                      {item.answered - item.unanswered}
                      {item.unanswered ? ` (${item.unanswered} left blank)` : ""}
                      {item.awaiting ? `; ${item.awaiting} more awaiting review, not counted until scored` : ""}
                    </dd>
                  </div>
                  <div>
                    <dt>
                      Got it right <span className="muted">(facility)</span>
                    </dt>
                    <dd>{formatPercent(item.facility)}</dd>
                  </div>
                  <div>
                    <dt>
                      Tells strong from weak <span className="muted">(discrimination)</span>
                    </dt>
                    <dd>{two(item.discrimination)}</dd>
                  </div>
                </dl>
                {item.mostCommonWrong ? (
                  <p className="item__wrong">
                    Most common wrong answer: <strong>{item.mostCommonWrong.label}</strong> ({item.mostCommonWrong.count})
                    {item.mostCommonWrong.feedback ? <> — feedback students got: “{item.mostCommonWrong.feedback}”</> : null}
                  </p>
                ) : null}
                <table className="table">
                  <caption className="visually-hidden">How often each answer was chosen</caption>
                  <thead>
                    <tr>
                      <th scope="col">Answer</th>
                      <th scope="col">Right?</th>
                      <th scope="col">Chosen</th>
                    </tr>
                  </thead>
                  <tbody>
                    {item.tallies.map((t) => (
                      <tr key={t.label}>
                        <td>{t.label}</td>
                        <td>{t.correct ? "Right" : "Wrong"}</td>
                        <td>
                          {t.count} ({formatPercent(item.answered ? t.count / item.answered : 0)})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
