// A quiz as an author previews it (/preview/[slug], authors and admins only): every question
// with its options or items in the authored order and, behind "Show the answer", the key,
// every choice's feedback and the explanation. Nothing can be submitted, so previewing never
// stores an attempt. Server component: it reads the full definition, which is why only the
// preview route renders it.
import type { QuizDefinition } from "@/server/content/quiz-types";
import { answerKey, choicesOf, describeResponse, rubricOf } from "@/questions/server";

export function QuizPreview({ quiz }: { quiz: QuizDefinition }) {
  return (
    <section className={`quiz quiz--preview${quiz.practice ? " quiz--practice" : ""}`} aria-label={`${quiz.practice ? "Practice" : "Quiz"} (preview)`} data-quiz-id={quiz.id}>
      <h2 className="quiz__title">{quiz.practice ? "Practice" : "Quiz"} — preview</h2>
      <p className="quiz__policy">
        {quiz.questions.length} questions · pass mark {quiz.policy.passMark}% · {quiz.policy.maxAttempts === 0 ? "unlimited" : quiz.policy.maxAttempts} attempts ·
        answers shown: {quiz.policy.reveal}. A preview stores nothing; students see the options in an order shuffled for each of them.
      </p>
      <ol className="quiz__questions">
        {quiz.questions.map((q, i) => {
          const rubric = rubricOf(q);
          return (
            <li key={q.id} className="question" data-question-id={q.id} data-question-type={q.type}>
              <div className="question__prompt">
                <span className="question__number">
                  Question {i + 1} · {q.type}
                  {q.discern ? ` · ${q.discern} item` : ""} · id {q.id}
                </span>
                {/* Authored lesson content, rendered to HTML on the server from Markdown only. */}
                <div dangerouslySetInnerHTML={{ __html: q.promptHtml }} />
              </div>
              <ul className="preview__choices">
                {choicesOf(q).map((c) => (
                  <li key={c.id}>{c.text}</li>
                ))}
              </ul>
              <details className="feedback__why">
                <summary>{rubric ? "Show the rubric and its exemplars" : "Show the answer and all feedback"}</summary>
                {rubric ? (
                  <dl className="preview__rubric">
                    {rubric.levels.map((l) => (
                      <div key={l.id}>
                        <dt>
                          {l.label} ({l.points} points)
                        </dt>
                        <dd>
                          {l.descriptor}
                          {rubric.exemplars[l.id] ? <p className="preview__exemplar">Exemplar: “{rubric.exemplars[l.id]}”</p> : null}
                        </dd>
                      </div>
                    ))}
                  </dl>
                ) : (
                  <p className="feedback__answer">
                    <strong>Answer:</strong> {describeResponse(q, answerKey(q))}
                  </p>
                )}
                <ul className="feedback__list">
                  {choicesOf(q).map((c) => (
                    <li key={c.id}>
                      <span className="feedback__mark">{c.correct === undefined ? "" : c.correct ? "✓ Right: " : "✗ Not right: "}</span>
                      <span className="feedback__label">{c.text}</span>
                      {c.lean ? ` (leans ${c.lean})` : ""} — {c.feedback}
                    </li>
                  ))}
                </ul>
                <div className="feedback__explanation">
                  <strong>Explanation:</strong>
                  <div dangerouslySetInnerHTML={{ __html: q.explanationHtml }} />
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
