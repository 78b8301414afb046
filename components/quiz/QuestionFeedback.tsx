"use client";
// The server's verdict on one question: score, feedback per option or item, the explanation,
// and the correct answer when the quiz's policy reveals it. Correctness is said in words as
// well as colour.
import type { PublicQuestion, QuestionResult } from "@/lib/quiz";
import { formatPercent } from "@/lib/format";
import { clientType } from "@/questions/client";

export function QuestionFeedback({ question: q, result }: { question: PublicQuestion; result: QuestionResult }) {
  const { label, keyText } = clientType(q);
  const verdict = result.correct ? "Correct" : result.score > 0 ? `Partly correct (${formatPercent(result.score)})` : "Not correct";
  return (
    <div className={`feedback ${result.correct ? "feedback--correct" : result.score > 0 ? "feedback--partial" : "feedback--wrong"}`}>
      <p className="feedback__verdict">
        <strong>{verdict}</strong>
      </p>
      {result.feedback.some((f) => f.text) ? (
        <ul className="feedback__list">
          {result.feedback
            .filter((f) => f.text)
            .map((f) => (
              <li key={f.id}>
                <span className="feedback__mark">{f.correct ? "✓ Right:" : "✗ Not right:"}</span> <span className="feedback__label">{label(q, f.id)}</span> — {f.text}
              </li>
            ))}
        </ul>
      ) : null}
      {result.answer ? (
        <p className="feedback__answer">
          <strong>Answer:</strong> {keyText(q, result.answer)}
        </p>
      ) : null}
      {result.explanationHtml ? (
        <div className="feedback__explanation">
          <strong>Why:</strong>
          <div dangerouslySetInnerHTML={{ __html: result.explanationHtml }} />
        </div>
      ) : null}
    </div>
  );
}
