// The grading queue of a class: every written answer awaiting review, oldest first, filtered
// by unit or question, QUEUE_PAGE_SIZE to a page; names can be hidden while grading. Each
// answer opens on its own page (./[answerId]) with the rubric beside it.
import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { ClassNav } from "@/components/instructor/ClassNav";
import { formatDateTime } from "@/lib/format";
import { QUEUE_PAGE_SIZE, queueHref, queueParams, reviewHref } from "@/lib/written";
import { requireOwnClass } from "@/server/access";
import { writtenQuestions } from "@/server/written/course";
import { pageOf } from "@/server/reports/grid";
import { pendingAnswers, recentlyReviewed } from "@/server/written/answers";

export const metadata: Metadata = { title: "Written answers" };

type Props = { params: Promise<{ classId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WrittenQueuePage({ params, searchParams }: Props) {
  const { classId } = await params;
  const { klass } = await requireOwnClass(classId);
  const asked = queueParams(await searchParams);
  const [queue, reviewed, questions] = await Promise.all([pendingAnswers(klass, asked), recentlyReviewed(klass), writtenQuestions()]);
  const { rows, page, pages } = pageOf(queue, asked.page ?? 0, QUEUE_PAGE_SIZE);
  // The page actually shown (a page past the end shows the last): answers opened here lead back to it.
  const p = { ...asked, page };
  const first = page * QUEUE_PAGE_SIZE;
  const units = [...new Map(questions.map((q) => [q.lessonSlug, q.unitTitle]))];
  const hidden = p.names === "hidden";
  const who = (name: string, i: number) => (hidden ? `Student ${i + 1}` : name);

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/written" />
      {p.done ? (
        <p role="status" className="form-success">
          Every answer in this queue is scored.
        </p>
      ) : null}
      <p>
        Students’ written answers wait here until you score them with the question’s rubric. The student sees the level, what it means and
        your comment on the unit’s page; the quiz’s score is final once every written answer in it is scored.
      </p>
      <form method="get" action={queueHref(klass.id)} className="filters">
        <div className="field">
          <label htmlFor="written-unit">Unit</label>
          <select id="written-unit" name="unit" defaultValue={p.unit ?? ""}>
            <option value="">All units</option>
            {units.map(([slug, title]) => (
              <option key={slug} value={slug}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="written-question">Question</label>
          <select id="written-question" name="question" defaultValue={p.question ?? ""}>
            <option value="">All questions</option>
            {questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.unitTitle}: {q.short}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <input id="written-names" type="checkbox" name="names" value="hidden" defaultChecked={hidden} />
          <label htmlFor="written-names">Hide names while grading</label>
        </div>
        <button type="submit" className="button">
          Show
        </button>
      </form>

      <h2>
        {queue.length === 0 ? "No answers wait for review" : queue.length === 1 ? "1 answer waits for review" : `${queue.length} answers wait for review`}
      </h2>
      {queue.length > 0 ? (
        <>
          <p>
            <PageLink className="button button--primary" href={reviewHref(klass.id, queue[0].answerId, p)}>
              Start with the oldest
            </PageLink>
          </p>
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">
                Answers awaiting review, oldest first{pages > 1 ? `: ${first + 1} to ${first + rows.length} of ${queue.length}` : ""}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Submitted</th>
                  <th scope="col">Student</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Question</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a, i) => (
                  <tr key={a.answerId}>
                    <td>{formatDateTime(a.submittedAt)}</td>
                    <td>
                      <PageLink href={reviewHref(klass.id, a.answerId, p)}>{who(a.studentName, first + i)}</PageLink>
                    </td>
                    <td>{a.unitTitle}</td>
                    <td>{a.prompt.length > 120 ? `${a.prompt.slice(0, 119)}…` : a.prompt}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 ? (
            <nav aria-label="Pages of the queue" className="button-row">
              <span>
                Showing {first + 1}–{first + rows.length} of {queue.length} (page {page + 1} of {pages})
              </span>
              {page > 0 ? <PageLink href={queueHref(klass.id, { ...p, done: false, page: page - 1 })}>Previous {QUEUE_PAGE_SIZE} answers</PageLink> : null}
              {page + 1 < pages ? <PageLink href={queueHref(klass.id, { ...p, done: false, page: page + 1 })}>Next answers</PageLink> : null}
            </nav>
          ) : null}
        </>
      ) : null}

      {reviewed.length > 0 ? (
        <>
          <h2>Scored recently</h2>
          <p>Open one to see its history or score it again.</p>
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Answers scored most recently</caption>
              <thead>
                <tr>
                  <th scope="col">Scored</th>
                  <th scope="col">Student</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Level</th>
                </tr>
              </thead>
              <tbody>
                {reviewed.map((a, i) => (
                  <tr key={a.answerId}>
                    <td>{formatDateTime(a.reviewedAt)}</td>
                    <td>
                      <PageLink href={reviewHref(klass.id, a.answerId, p)}>{hidden ? `Scored answer ${i + 1}` : a.studentName}</PageLink>
                    </td>
                    <td>{a.unitTitle}</td>
                    <td>{a.level}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}
