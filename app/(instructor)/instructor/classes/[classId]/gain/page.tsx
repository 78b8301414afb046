import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { BarChart } from "@/components/charts/BarChart";
import { ActionForm } from "@/components/forms/ActionForm";
import { ClassNav } from "@/components/instructor/ClassNav";
import { POST_COLOUR, PRE_COLOUR, SCORE_COLOUR } from "@/components/instructor/colours";
import { requireOwnClass } from "@/server/access";
import { queueHref } from "@/lib/written";
import { gainReport, type Discernment, type FormOrderLabel } from "@/server/reports/gain";
import { histogram } from "@/server/reports/stats";
import { formatPercent } from "@/lib/format";
import { assessmentReviewAction } from "../../../actions";

export const metadata: Metadata = { title: "Learning gain" };

const points = (n: number | null | undefined) => (n == null ? "—" : `${n >= 0 ? "+" : "−"}${Math.abs(Math.round(n * 100))} points`);
const two = (n: number | null | undefined) => (n == null ? "—" : n.toFixed(2));
const signed = (n: number | null | undefined) => (n == null ? "—" : `${n > 0 ? "+" : n < 0 ? "−" : ""}${Math.abs(n).toFixed(2)}`);
/** c in words: above 0 leans to doubt, below 0 to belief. */
const leaning = (c: number | null | undefined) => (c == null ? "" : c > 0.25 ? " (leans to doubt)" : c < -0.25 ? " (leans to belief)" : " (no lean)");
const ORDER_NAMES: Record<FormOrderLabel, string> = { AB: "Form A before, B after", BA: "Form B before, A after" };

function DiscernmentRows({ d }: { d: Discernment }) {
  return (
    <>
      <td>
        {two(d.sensitivityPre)} → {two(d.sensitivityPost)}
      </td>
      <td>
        {signed(d.biasPre)} → {signed(d.biasPost)}
      </td>
    </>
  );
}

// Rows use plain links: hundreds of client <Link>s would weigh on the page for no gain.
export default async function GainPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { klass } = await requireOwnClass(classId);
  const report = await gainReport(klass.enrollments.map((e) => e.user));
  const c = report.class;
  const waiting = report.rows.reduce((n, r) => n + r.awaiting.length, 0);
  const d = report.discernment;
  const gains = report.rows.flatMap((r) => (r.gain?.normalised == null ? [] : [r.gain.normalised]));
  // Normalised gains below 0 (students who did worse) go in the lowest band of the histogram.
  const bins = histogram(gains.map((g) => Math.max(0, g)), 5);

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/gain" />
      <p>
        The pre-assessment is taken before the course and the post-assessment after it. There are two parallel forms, A and B: half the
        class takes A first and B after, half the other way round, so a difference between the forms does not look like learning. Only
        students who took both count in the class figures ({c.students} of {report.rows.length}).
      </p>
      {waiting > 0 ? (
        <p className="course-notice">
          {waiting === 1 ? "1 assessment waits" : `${waiting} assessments wait`} for you to score a written answer: until then it counts nowhere
          here. <PageLink href={queueHref(klass.id)}>Score the written answers</PageLink>.
        </p>
      ) : null}
      <dl className="summary-stats">
        <div>
          <dt>Mean score before</dt>
          <dd>{formatPercent(c.meanPre)}</dd>
        </div>
        <div>
          <dt>Mean score after</dt>
          <dd>{formatPercent(c.meanPost)}</dd>
        </div>
        <div>
          <dt>Mean gain</dt>
          <dd>{points(c.meanGain)}</dd>
        </div>
        <div>
          <dt>
            Share of the possible improvement made <span className="term">(normalised gain)</span>
          </dt>
          <dd>{two(c.hake)}</dd>
        </div>
        <div>
          <dt>
            Telling credible from weak, before → after <span className="term">(sensitivity, d′)</span>
          </dt>
          <dd>
            {two(d.sensitivityPre)} → {two(d.sensitivityPost)}
          </dd>
        </div>
        <div>
          <dt>
            Leaning to doubt (+) or to belief (−), before → after <span className="term">(bias, c)</span>
          </dt>
          <dd>
            {signed(d.biasPre)}
            {leaning(d.biasPre)} → {signed(d.biasPost)}
            {leaning(d.biasPost)}
          </dd>
        </div>
      </dl>
      <details className="explainer">
        <summary>How these are calculated</summary>
        <p>
          Gain is the score after minus the score before. The share of the possible improvement (Hake’s normalised gain) is (after − before)
          ÷ (1 − before); the class figure uses the class means, and a student who scored 100% before has no room to improve, so their own
          is undefined (—).
        </p>
        <p>
          Some questions show a credible source that deserves trust, others a weak one that should be doubted, and every answer leans one
          way. Sensitivity (d′, from signal-detection theory) measures how well a student tells the two apart: 0 for answering everything
          the same way, about 1.5 or more for telling them apart most of the time. Bias (c) is the lean left over: above 0 a tendency to
          doubt everything, below 0 to believe everything. A student who simply doubts everything gets a high bias and no sensitivity, so
          blanket scepticism does not look like skill.
        </p>
      </details>
      {c.students > 0 ? (
        <>
          <BarChart
            title="Before and after the course"
            description={`Class means before and after: overall ${formatPercent(c.meanPre)} → ${formatPercent(c.meanPost)}; trusting credible sources ${formatPercent(d.trustPre)} → ${formatPercent(d.trustPost)}; doubting weak ones ${formatPercent(d.doubtPre)} → ${formatPercent(d.doubtPost)}.`}
            categoryLabel="Measure"
            categories={["Overall", "Trust (credible items)", "Doubt (weak items)"]}
            series={[
              { name: "Pre-assessment", colour: PRE_COLOUR, values: [c.meanPre ?? 0, d.trustPre ?? 0, d.doubtPre ?? 0] },
              { name: "Post-assessment", colour: POST_COLOUR, values: [c.meanPost ?? 0, d.trustPost ?? 0, d.doubtPost ?? 0] },
            ]}
            max={1}
            format={formatPercent}
          />
          <BarChart
            title="Students’ normalised gains"
            description={`How many students made each share of the improvement open to them (${gains.length} students; a gain below zero counts in the lowest band).`}
            categoryLabel="Normalised gain"
            categories={bins.map((b) => b.label)}
            series={[{ name: "Students", colour: SCORE_COLOUR, values: bins.map((b) => b.count) }]}
          />
        </>
      ) : (
        <p>No student has taken both assessments yet.</p>
      )}

      <h2>By the order of the forms</h2>
      <table className="table" data-report="gain-by-order">
        <caption className="visually-hidden">Learning gain, sensitivity and bias for each order of the two forms</caption>
        <thead>
          <tr>
            <th scope="col">Order</th>
            <th scope="col">Students with both</th>
            <th scope="col">Score before → after</th>
            <th scope="col">Mean gain (points)</th>
            <th scope="col">
              Telling credible from weak, before → after <span className="term">(d′)</span>
            </th>
            <th scope="col">
              Leaning, before → after <span className="term">(bias c)</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {report.byOrder.map((o) => (
            <tr key={o.order}>
              <th scope="row">{ORDER_NAMES[o.order]}</th>
              <td>{o.class.students}</td>
              <td>
                {formatPercent(o.class.meanPre)} → {formatPercent(o.class.meanPost)}
              </td>
              <td>{points(o.class.meanGain)}</td>
              <DiscernmentRows d={o.discernment} />
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Review of the assessments</h2>
      <p>
        {klass.reviewOpenedAt
          ? `Open since ${klass.reviewOpenedAt.toLocaleDateString("en-GB")}: students who have taken the post-assessment can look back at both sets of questions, with the feedback and the correct answers.`
          : "Closed: students see no result of either assessment. Open it when the class has finished the course, so that nobody passes the answers on to a classmate who has yet to take a form."}
      </p>
      <ActionForm action={assessmentReviewAction} submitLabel={klass.reviewOpenedAt ? "Close the review" : "Open the review to students"} className="inline-form">
        <input type="hidden" name="classId" value={klass.id} />
        <input type="hidden" name="open" value={klass.reviewOpenedAt ? "close" : "open"} />
      </ActionForm>

      <h2>Each student</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Gain of each student, scrolls sideways">
        <table className="table">
          <caption className="visually-hidden">Pre- and post-assessment of each student</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Forms</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Gain (points)</th>
              <th scope="col">
                Share of the possible improvement <span className="term">(normalised gain)</span>
              </th>
              <th scope="col">
                Telling credible from weak <span className="term">(d′)</span>
              </th>
              <th scope="col">
                Leaning to doubt (+) or belief (−) <span className="term">(bias c)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.student.id} data-student={r.student.email}>
                <th scope="row">
                  <a href={`/instructor/classes/${klass.id}/students/${r.student.id}`}>{r.student.name}</a>
                </th>
                <td>{r.order ? `${r.order[0]} → ${r.order[1]}` : "—"}</td>
                <td>{r.awaiting.includes("pre") ? "Awaiting review" : formatPercent(r.pre?.fraction)}</td>
                <td>{r.awaiting.includes("post") ? "Awaiting review" : formatPercent(r.post?.fraction)}</td>
                <td>{points(r.gain?.gain)}</td>
                <td>{two(r.gain?.normalised)}</td>
                <td>
                  {two(r.pre?.sensitivity)} → {two(r.post?.sensitivity)}
                </td>
                <td>
                  {signed(r.pre?.bias)} → {signed(r.post?.bias)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
