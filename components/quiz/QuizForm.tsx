"use client";
// A quiz as the student sees it. It holds the answers in the browser (and as the signed-in
// user's draft in localStorage, lib/drafts.ts, so a reload loses nothing), POSTs them to
// /api/attempts once, and shows the feedback the
// server returns. It never sees an answer key: `quiz` is a PublicQuiz.
import { useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import type { PublicQuestion, PublicQuiz, QuestionResponse, QuestionResult, QuizStatus, SubmitResult } from "@/lib/quiz";
import { QuestionInput } from "./QuestionInput";
import { QuestionFeedback } from "./QuestionFeedback";
import { clientType } from "@/questions/client";
import { formatPercent } from "@/lib/format";
import { clearDraft, loadDraft, saveDraft } from "@/lib/drafts";

type Answers = Record<string, QuestionResponse>;
type Success = Extract<SubmitResult, { ok: true }>;

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function initialAnswers(questions: PublicQuestion[]): Answers {
  return Object.fromEntries(questions.flatMap((q) => {
    const initial = clientType(q).initial(q);
    return initial ? [[q.id, initial]] : [];
  }));
}

export function QuizForm({ quiz }: { quiz: PublicQuiz }) {
  const [answers, setAnswers] = useState<Answers>(() => initialAnswers(quiz.questions));
  const [result, setResult] = useState<Success | null>(null);
  const [status, setStatus] = useState<QuizStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // One key per attempt: kept across retries of the same submission, renewed after a stored one.
  const submissionKey = useRef<string | null>(null);
  const startedAt = useRef<number>(0);
  const timings = useRef<Record<string, number>>({});
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();

  useEffect(() => {
    startedAt.current = Date.now();
    // Restoring the signed-in user's draft saved before a reload (only after hydration).
    void loadDraft<Answers>(quiz.lessonSlug, quiz.id).then((saved) => saved && setAnswers((a) => ({ ...a, ...saved })));
    fetch(`/api/quiz-status?lesson=${encodeURIComponent(quiz.lessonSlug)}&quiz=${encodeURIComponent(quiz.id)}`)
      .then((r) => (r.ok ? (r.json() as Promise<QuizStatus>) : null))
      .then((s) => s && setStatus(s))
      .catch(() => undefined);
  }, [quiz.id, quiz.lessonSlug]);

  // Move focus to the outcome once it is on screen, so keyboard and screen-reader users land
  // on the result (and then read on into each question's feedback).
  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const update = useCallback(
    (questionId: string, response: QuestionResponse) => {
      timings.current[questionId] = Date.now() - startedAt.current;
      setAnswers((prev) => {
        const next = { ...prev, [questionId]: response };
        saveDraft(quiz.lessonSlug, quiz.id, next);
        return next;
      });
    },
    [quiz.lessonSlug, quiz.id],
  );

  const outOfAttempts = !quiz.practice && status !== null && status.attemptsLeft === 0;
  const unanswered = quiz.questions.filter((q) => !clientType(q).isAnswered(q, answers[q.id])).length;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending || outOfAttempts) return;
    submissionKey.current ??= newKey();
    const payload = {
      lessonSlug: quiz.lessonSlug,
      quizId: quiz.id,
      submissionKey: submissionKey.current,
      answers,
      timings: timings.current,
      startedAt: startedAt.current || undefined,
    };
    setError(null);
    startTransition(async () => {
      let res: SubmitResult;
      try {
        const response = await fetch("/api/attempts", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(payload),
        });
        res = (await response.json()) as SubmitResult;
      } catch {
        res = { ok: false, error: "Your answers could not be sent (network problem). They are still here: submit again." };
      }
      if (res.ok) {
        submissionKey.current = null;
        setResult(res);
        setStatus(res.status);
        clearDraft(quiz.lessonSlug, quiz.id);
      } else {
        setError(res.error);
      }
    });
  }

  function tryAgain() {
    setResult(null);
    setAnswers(initialAnswers(quiz.questions));
    timings.current = {};
    startedAt.current = Date.now();
    requestAnimationFrame(() => document.getElementById(`${headingId}-q0`)?.focus());
  }

  const resultsById = new Map<string, QuestionResult>(result?.questions.map((r) => [r.questionId, r]));
  const title = quiz.practice ? "Practice" : "Quiz";

  return (
    <section className={`quiz${quiz.practice ? " quiz--practice" : ""}`} aria-labelledby={headingId} data-quiz-id={quiz.id}>
      <h2 id={headingId} className="quiz__title">
        {title}
      </h2>
      {!quiz.practice ? (
        <p className="quiz__policy">
          {quiz.questions.length} questions · pass mark {quiz.policy.passMark}% ·{" "}
          {quiz.policy.maxAttempts === 0 ? "unlimited attempts" : `${quiz.policy.maxAttempts} attempt${quiz.policy.maxAttempts === 1 ? "" : "s"}`}
          {status && status.attemptsUsed > 0 ? (
            <>
              {" "}
              · used {status.attemptsUsed}
              {status.bestFraction !== null ? `, best ${formatPercent(status.bestFraction)}` : ""}
            </>
          ) : null}
        </p>
      ) : (
        <p className="quiz__policy">Not graded: try it as often as you like.</p>
      )}

      <div aria-live="polite" aria-atomic="true" className="quiz__live">
        {result ? (
          <div className={`quiz__result ${result.passed ? "quiz__result--pass" : ""}`}>
            <h3 ref={resultHeading} tabIndex={-1}>
              {quiz.practice
                ? `You got ${formatPercent(result.fraction)}.`
                : `Attempt ${result.attemptNumber}: ${formatPercent(result.fraction)} — ${result.passed ? "passed" : `not yet passed (pass mark ${quiz.policy.passMark}%)`}.`}
            </h3>
            <p>
              {result.revealed ? "The correct answers are shown below each question." : "Feedback is shown below each question."}{" "}
              {!quiz.practice && result.status.attemptsLeft !== null
                ? result.status.attemptsLeft > 0
                  ? `You have ${result.status.attemptsLeft} attempt${result.status.attemptsLeft === 1 ? "" : "s"} left.`
                  : "You have no attempts left."
                : null}
            </p>
          </div>
        ) : null}
      </div>
      {error ? (
        <p ref={errorRef} tabIndex={-1} role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {outOfAttempts && !result ? (
        <p className="quiz__notice" role="status">
          You have used all your attempts at this quiz. Your best score is {formatPercent(status?.bestFraction ?? 0)}.
        </p>
      ) : null}

      <form onSubmit={submit} noValidate>
        <ol className="quiz__questions">
          {quiz.questions.map((q, index) => (
            <li key={q.id} className="question" data-question-id={q.id} data-question-type={q.type}>
              <QuestionInput
                question={q}
                number={index + 1}
                headingId={`${headingId}-q${index}`}
                response={answers[q.id]}
                disabled={Boolean(result) || pending || outOfAttempts}
                onChange={(r) => update(q.id, r)}
              />
              {resultsById.get(q.id) ? <QuestionFeedback question={q} result={resultsById.get(q.id)!} /> : null}
            </li>
          ))}
        </ol>
        {result ? (
          (quiz.practice || result.status.attemptsLeft === null || result.status.attemptsLeft > 0) && (
            <button type="button" className="button" onClick={tryAgain}>
              Try again
            </button>
          )
        ) : (
          <div className="quiz__submit">
            {unanswered > 0 ? (
              <p className="quiz__hint">
                {unanswered} question{unanswered === 1 ? " is" : "s are"} not answered yet; unanswered questions score zero.
              </p>
            ) : null}
            <button type="submit" className="button button--primary" disabled={pending || outOfAttempts} aria-disabled={pending || outOfAttempts}>
              {pending ? "Submitting…" : quiz.practice ? "Check my answers" : "Submit answers"}
            </button>
          </div>
        )}
      </form>

      {!quiz.practice && status && status.history.length > 0 ? (
        <details className="quiz__history">
          <summary>Your attempts</summary>
          <table>
            <caption className="visually-hidden">Your attempts at this quiz</caption>
            <thead>
              <tr>
                <th scope="col">Attempt</th>
                <th scope="col">Score</th>
                <th scope="col">Result</th>
                <th scope="col">Submitted</th>
              </tr>
            </thead>
            <tbody>
              {status.history.map((h) => (
                <tr key={h.attemptNumber}>
                  <td>{h.attemptNumber}</td>
                  <td>{formatPercent(h.fraction)}</td>
                  <td>{h.passed ? "Passed" : "Not passed"}</td>
                  <td>{new Date(h.submittedAt).toLocaleString()}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </section>
  );
}
