"use client";
// The server's verdict on one question: score, feedback per option or item, the explanation,
// and the correct answer when the quiz's policy reveals it. Correctness is said in words as
// well as colour.
import type { PublicQuestion, QuestionResult } from "@/lib/quiz";
import { formatPercent } from "@/lib/format";

function labelOf(q: PublicQuestion, id: string): string {
  switch (q.type) {
    case "single":
    case "truefalse":
    case "multiple":
      return q.options.find((o) => o.id === id)?.text ?? id;
    case "ordering":
    case "categorise":
      return q.items.find((i) => i.id === id)?.text ?? id;
    case "highlight": {
      const part = q.passage.find((p) => "phraseId" in p && p.phraseId === id);
      return part ? `“${part.text}”` : id;
    }
  }
}

function answerText(q: PublicQuestion, answer: NonNullable<QuestionResult["answer"]>): string {
  if ("choice" in answer) return labelOf(q, answer.choice);
  if ("choices" in answer) return answer.choices.map((id) => labelOf(q, id)).join("; ");
  if ("order" in answer) return answer.order.map((id, i) => `${i + 1}. ${labelOf(q, id)}`).join("  ");
  if (q.type === "categorise") {
    return q.items.map((i) => `${i.text} → ${q.categories.find((c) => c.id === answer.placements[i.id])?.label ?? "?"}`).join("; ");
  }
  return "";
}

export function QuestionFeedback({ question: q, result }: { question: PublicQuestion; result: QuestionResult }) {
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
                <span className="feedback__mark">{f.correct ? "✓ Right:" : "✗ Not right:"}</span> <span className="feedback__label">{labelOf(q, f.id)}</span> — {f.text}
              </li>
            ))}
        </ul>
      ) : null}
      {result.answer ? (
        <p className="feedback__answer">
          <strong>Answer:</strong> {answerText(q, result.answer)}
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
