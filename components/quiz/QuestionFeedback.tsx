"use client";
// The server's verdict on one question, compact: the verdict (in words as well as colour),
// the correct answer when the quiz's policy reveals it, and — one click away under "Why" —
// the feedback on what the student chose and the explanation. Before the answers are revealed
// the server sends no mark per choice and no explanation (questions/server.ts questionResult),
// so the feedback reads as "Your choice".
import type { PublicQuestion, QuestionResult } from "@/lib/quiz";
import { formatPercent } from "@/lib/format";
import { clientType } from "@/questions/client";

export function QuestionFeedback({ question: q, result }: { question: PublicQuestion; result: QuestionResult }) {
  if (result.review) return <ReviewFeedback review={result.review} explanationHtml={result.explanationHtml} />;
  const { label, keyText } = clientType(q);
  const verdict = result.correct ? "Correct" : result.score > 0 ? `Partly correct (${formatPercent(result.score)})` : "Not correct";
  const tone = result.correct ? "correct" : result.score > 0 ? "partial" : "wrong";
  const notes = result.feedback.filter((f) => f.text);
  return (
    <div className={`feedback feedback--${tone}`}>
      <p className="feedback__verdict">
        <strong>{verdict}</strong>
      </p>
      {result.answer ? (
        <p className="feedback__answer">
          <strong>Answer:</strong> {keyText(q, result.answer)}
        </p>
      ) : null}
      {notes.length > 0 || result.explanationHtml ? (
        <details className="feedback__why">
          <summary>Why</summary>
          {notes.length > 0 ? (
            <ul className="feedback__list">
              {notes.map((f) => (
                <li key={f.id}>
                  <span className="feedback__mark">{f.correct === null ? "Your choice:" : f.correct ? "✓ Right:" : "✗ Not right:"}</span>{" "}
                  <span className="feedback__label">{label(q, f.id)}</span> — {f.text}
                </li>
              ))}
            </ul>
          ) : null}
          {result.explanationHtml ? (
            <div className="feedback__explanation">
              {/* Authored lesson content, rendered to HTML on the server from Markdown only. */}
              <div dangerouslySetInnerHTML={{ __html: result.explanationHtml }} />
            </div>
          ) : null}
        </details>
      ) : null}
    </div>
  );
}

/** An answer an instructor scores: waiting, or the level given, what it means and the comment. */
function ReviewFeedback({ review, explanationHtml }: { review: NonNullable<QuestionResult["review"]>; explanationHtml?: string }) {
  if (review.state === "pending") {
    return (
      <div className="feedback feedback--pending">
        <p className="feedback__verdict">
          <strong>Awaiting review:</strong> your instructor scores this answer with the rubric. Until then it counts 0 towards your score.
        </p>
      </div>
    );
  }
  const tone = review.points === review.maxPoints ? "correct" : review.points > 0 ? "partial" : "wrong";
  return (
    <div className={`feedback feedback--${tone}`}>
      <p className="feedback__verdict">
        <strong>
          Scored by your instructor: {review.level} ({review.points} of {review.maxPoints} points)
        </strong>
      </p>
      <p className="feedback__review">{review.descriptor}</p>
      {review.comment ? (
        <p className="feedback__review">
          <strong>Your instructor’s comment:</strong> <span className="feedback__comment">{review.comment}</span>
        </p>
      ) : null}
      {explanationHtml ? (
        <details className="feedback__why">
          <summary>What a strong answer does</summary>
          <div className="feedback__explanation" dangerouslySetInnerHTML={{ __html: explanationHtml }} />
        </details>
      ) : null}
    </div>
  );
}
