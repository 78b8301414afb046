// One written answer with the rubric beside it: choose a level (number keys 1, 2, 3 … or the
// radio buttons), add a comment for the student, "Save and next" opens the next answer in
// the queue. An answer already scored shows its history and can be scored again.
import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { notFound } from "next/navigation";
import { ClassNav } from "@/components/instructor/ClassNav";
import { ReviewForm } from "@/components/instructor/ReviewForm";
import { formatDateTime } from "@/lib/format";
import { queueHref, queueParams } from "@/lib/written";
import { requireOwnClass } from "@/server/access";
import { answerForReview, pendingAnswers } from "@/server/written/answers";
import { reviewAnswerAction } from "../../../../actions";

export const metadata: Metadata = { title: "Score a written answer" };

type Props = { params: Promise<{ classId: string; answerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WrittenAnswerPage({ params, searchParams }: Props) {
  const { classId, answerId } = await params;
  const { klass } = await requireOwnClass(classId);
  const p = queueParams(await searchParams);
  const answer = await answerForReview(klass, answerId);
  if (!answer) notFound();
  const queue = await pendingAnswers(klass, p);
  const place = queue.findIndex((a) => a.answerId === answer.answerId);
  const hidden = p.names === "hidden";

  return (
    <div className="wide">
      <ClassNav classId={klass.id} className={klass.name} current="/written" />
      <p>
        <PageLink href={queueHref(klass.id, p)}>← The queue</PageLink>
        {place >= 0 ? ` · Answer ${place + 1} of ${queue.length} waiting` : queue.length ? ` · ${queue.length} waiting` : ""}
      </p>
      <div className="review">
        <section className="review__answer" aria-labelledby="review-answer-heading">
          <h2 id="review-answer-heading">{hidden ? "A student’s answer" : `${answer.studentName}’s answer`}</h2>
          <p className="review__meta">
            {answer.unitTitle} · submitted {formatDateTime(answer.submittedAt)} · {answer.pending ? "awaiting review" : "scored"}
          </p>
          {/* Authored lesson content, rendered to HTML on the server from Markdown only. */}
          <div className="review__prompt" dangerouslySetInnerHTML={{ __html: answer.promptHtml }} />
          <blockquote className="review__text">{answer.text || "(left empty)"}</blockquote>
          <p className="review__meta">
            {answer.text.length} of {answer.maxLength} characters
          </p>
          {answer.explanationHtml ? (
            <details className="explainer">
              <summary>What a strong answer does</summary>
              <div dangerouslySetInnerHTML={{ __html: answer.explanationHtml }} />
            </details>
          ) : null}
          {answer.history.length > 0 ? (
            <>
              <h3>Scores given</h3>
              <ol className="review__history">
                {answer.history.map((h, i) => (
                  <li key={i}>
                    {h.level} by {h.reviewer}, {formatDateTime(h.at)}
                    {h.comment ? `: “${h.comment}”` : ""}
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
        <section className="review__rubric" aria-labelledby="review-rubric-heading">
          <h2 id="review-rubric-heading">Rubric</h2>
          <ReviewForm
            action={reviewAnswerAction}
            hidden={{ classId: klass.id, answerId: answer.answerId, unit: p.unit ?? "", question: p.question ?? "", names: p.names ?? "shown" }}
            levels={answer.levels.map((l) => ({ ...l, exemplar: answer.exemplars[l.id] ?? null }))}
            current={answer.level}
            comment={answer.comment ?? ""}
            submitLabel={answer.pending ? "Save and next" : "Save the new score"}
          />
        </section>
      </div>
    </div>
  );
}
