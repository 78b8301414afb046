import type { Metadata } from "next";
import { BarChart } from "@/components/charts/BarChart";
import { ClassNav } from "@/components/instructor/ClassNav";
import { POST_COLOUR, PRE_COLOUR, SCORE_COLOUR } from "@/components/instructor/colours";
import { requireOwnClass } from "@/server/access";
import { gainReport } from "@/server/reports/gain";
import { histogram } from "@/server/reports/stats";
import { formatPercent } from "@/lib/format";

export const metadata: Metadata = { title: "Learning gain" };

const points = (n: number | null | undefined) => (n == null ? "—" : `${n >= 0 ? "+" : "−"}${Math.abs(Math.round(n * 100))} points`);
const two = (n: number | null | undefined) => (n == null ? "—" : n.toFixed(2));

// Rows use plain links: hundreds of client <Link>s would weigh on the page for no gain.
export default async function GainPage({ params }: { params: Promise<{ classId: string }> }) {
  const { classId } = await params;
  const { klass } = await requireOwnClass(classId);
  const report = await gainReport(klass.enrollments.map((e) => e.user));
  const c = report.class;
  const d = report.discernment;
  const gains = report.rows.flatMap((r) => (r.gain?.normalised == null ? [] : [r.gain.normalised]));
  // Normalised gains below 0 (students who did worse) go in the lowest band of the histogram.
  const bins = histogram(gains.map((g) => Math.max(0, g)), 5);

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/gain" />
      <p>
        The pre-assessment is taken before the course and the post-assessment after it; both measure the same skills. Only students who
        took both count in the class figures ({c.students} of {report.rows.length}).
      </p>
      <dl className="summary-stats">
        <div>
          <dt>Mean pre-assessment</dt>
          <dd>{formatPercent(c.meanPre)}</dd>
        </div>
        <div>
          <dt>Mean post-assessment</dt>
          <dd>{formatPercent(c.meanPost)}</dd>
        </div>
        <div>
          <dt>Mean gain</dt>
          <dd>{points(c.meanGain)}</dd>
        </div>
        <div>
          <dt>Normalised gain (class)</dt>
          <dd>{two(c.hake)}</dd>
        </div>
        <div>
          <dt>Mean of students’ normalised gains</dt>
          <dd>{two(c.meanNormalised)}</dd>
        </div>
      </dl>
      <details className="explainer">
        <summary>How these are calculated</summary>
        <p>
          Gain is post minus pre. The normalised gain (Hake) is the share of the possible improvement that was made: (post − pre) ÷ (1 − pre).
          The class figure uses the class means; a student who scored 100% before the course has no room to improve, so their own
          normalised gain is undefined (shown as —) and left out of the mean of students’ normalised gains. Discernment splits each
          assessment into items where a credible source should be trusted and items where a weak one should be doubted, so blanket
          scepticism does not look like skill.
        </p>
      </details>
      {c.students > 0 ? (
        <>
          <BarChart
            title="Before and after the course"
            description={`Class means on the pre- and post-assessment: overall ${formatPercent(c.meanPre)} before and ${formatPercent(c.meanPost)} after; trusting credible sources ${formatPercent(d.trustPre)} → ${formatPercent(d.trustPost)}; doubting weak ones ${formatPercent(d.doubtPre)} → ${formatPercent(d.doubtPost)}.`}
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
      <h2>Each student</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Gain of each student, scrolls sideways">
        <table className="table">
          <caption className="visually-hidden">Pre- and post-assessment of each student</caption>
          <thead>
            <tr>
              <th scope="col">Student</th>
              <th scope="col">Pre</th>
              <th scope="col">Post</th>
              <th scope="col">Gain</th>
              <th scope="col">Normalised gain</th>
              <th scope="col">Trust pre → post</th>
              <th scope="col">Doubt pre → post</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.student.id} data-student={r.student.email}>
                <th scope="row">
                  <a href={`/instructor/classes/${klass.id}/students/${r.student.id}`}>{r.student.name}</a>
                </th>
                <td>{formatPercent(r.pre?.fraction)}</td>
                <td>{formatPercent(r.post?.fraction)}</td>
                <td>{points(r.gain?.gain)}</td>
                <td>{two(r.gain?.normalised)}</td>
                <td>
                  {formatPercent(r.pre?.trust)} → {formatPercent(r.post?.trust)}
                </td>
                <td>
                  {formatPercent(r.pre?.doubt)} → {formatPercent(r.post?.doubt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
