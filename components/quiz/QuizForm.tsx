"use client";
// A quiz as the student sees it. The lesson page carries only the quiz's shell (its name and
// policy): the student's own copy — their order of options and items, their form on an
// assessment, their latest attempt with its feedback — comes from GET /api/quiz-status, so the
// feedback is still there on every later visit. Answers are held in the browser (and as the
// signed-in user's draft in localStorage, lib/drafts.ts, so a reload loses nothing) and POSTed
// once to /api/attempts, with one submission key per attempt. The browser never holds a key
// the policy does not allow: the server decides what each result says.
// A quiz loads when it comes within two screens of the viewport, or as soon as the student
// does anything on the page (scrolls, types, clicks, moves focus): a unit's quizzes sit several
// screens down, and loading and drawing them all during the page's own load held up its first
// seconds on a phone (docs/benchmarks.md, issue 14).
import Link from "next/link";
import { type RefObject, useCallback, useEffect, useId, useRef, useState, useTransition } from "react";
import type { AttemptResult, PublicQuiz, QuestionResponse, QuestionResult, QuizShell, QuizState, SubmitResult } from "@/lib/quiz";
import { clearDraft, loadDraft, saveDraft } from "@/lib/drafts";
import { formatPercent } from "@/lib/format";
import { sendAttempt } from "@/lib/send-attempt";
import { clientType } from "@/questions/client";
import { QuestionFeedback } from "./QuestionFeedback";
import { QuestionInput } from "./QuestionInput";

type Answers = Record<string, QuestionResponse>;
type Props = { shell: QuizShell; next: { slug: string; title: string } | null };
/** What is on screen: questions to answer, or an attempt's result (just made, or from an earlier visit). */
type View = { mode: "answer"; quiz: PublicQuiz } | { mode: "result"; quiz: PublicQuiz; result: AttemptResult };

function newKey(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function initialAnswers(quiz: PublicQuiz): Answers {
  return Object.fromEntries(
    quiz.questions.flatMap((q) => {
      const initial = clientType(q).initial(q);
      return initial ? [[q.id, initial]] : [];
    }),
  );
}

/** Clicks this soon after a result appears are taken as the rest of the click that submitted. */
const DOUBLE_CLICK_MS = 700;

const attemptsText = (n: number) => `${n} attempt${n === 1 ? "" : "s"}`;

/** The one-line summary of an attempt, in the words the quiz's kind calls for. */
function resultHeading(shell: QuizShell, quiz: PublicQuiz, result: AttemptResult): string {
  if (quiz.assessment) return result.revealed ? "Your answers to this set, with the feedback and the correct answers." : "Thank you: your answers are saved.";
  if (quiz.practice) return `You got ${formatPercent(result.fraction)}.`;
  if (result.pendingCount > 0) {
    const soFar = `Attempt ${result.attemptNumber}: ${formatPercent(result.fraction)} so far`;
    return result.passed
      ? `${soFar} — passed; ${writtenWaiting(result.pendingCount)} your instructor.`
      : `${soFar} — ${writtenWaiting(result.pendingCount)} your instructor (pass mark ${shell.policy.passMark}%).`;
  }
  return `Attempt ${result.attemptNumber}: ${formatPercent(result.fraction)} — ${result.passed ? "passed" : `not yet passed (pass mark ${shell.policy.passMark}%)`}.`;
}

/** The page events that mean the student is using it: then every quiz on it loads. */
const ACTIVITY = ["scroll", "keydown", "pointerdown", "touchstart", "focusin"] as const;

/** True once `ref`'s element is within two screens of the viewport, or the student does anything on the page. */
function useNeeded(ref: RefObject<HTMLElement | null>): boolean {
  const [needed, setNeeded] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") return setNeeded(true);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) need();
      },
      { rootMargin: "200% 0px" },
    );
    // Once needed, nothing is watched any more.
    const stop = () => {
      observer.disconnect();
      for (const type of ACTIVITY) window.removeEventListener(type, need, { capture: true });
    };
    function need() {
      stop();
      setNeeded(true);
    }
    observer.observe(element);
    for (const type of ACTIVITY) window.addEventListener(type, need, { capture: true, passive: true });
    return stop;
  }, [ref]);
  return needed;
}

const writtenWaiting = (n: number) => (n === 1 ? "1 written answer waits for" : `${n} written answers wait for`);

export function QuizForm({ shell, next }: Props) {
  const [state, setState] = useState<QuizState | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [view, setView] = useState<View | null>(null);
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<string | null>(null);
  /** While the server is too busy to take the answers: what the student is told (they are sent again by themselves). */
  const [busy, setBusy] = useState<string | null>(null);
  const [justSubmitted, setJustSubmitted] = useState(false);
  /** When this attempt's result appeared: "Try again" sits where "Submit" was, so the second click of a double-click must not start a new attempt. */
  const resultShownAt = useRef(Number.NEGATIVE_INFINITY);
  const [pending, startTransition] = useTransition();
  // One key per attempt: kept across retries of the same submission, renewed after a stored one.
  const submissionKey = useRef<string | null>(null);
  const startedAt = useRef<number>(0);
  const timings = useRef<Record<string, number>>({});
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);
  const headingId = useId();
  const sectionRef = useRef<HTMLElement>(null);
  const needed = useNeeded(sectionRef);

  const fetchState = useCallback(async (): Promise<QuizState | null> => {
    try {
      const res = await fetch(`/api/quiz-status?lesson=${encodeURIComponent(shell.lessonSlug)}&quiz=${encodeURIComponent(shell.id)}`, { cache: "no-store" });
      return res.ok ? ((await res.json()) as QuizState) : null;
    } catch {
      return null;
    }
  }, [shell.lessonSlug, shell.id]);

  const load = useCallback(async () => {
    setLoadFailed(false);
    const loaded = await fetchState();
    if (!loaded) return setLoadFailed(true);
    setState(loaded);
    startedAt.current = Date.now();
    const draft = await loadDraft<Answers>(loaded.quiz.lessonSlug, loaded.quiz.id);
    const canAnswer = loaded.quiz.practice || loaded.attemptsLeft !== 0;
    // A draft means an attempt was under way (a reload mid-quiz): carry on with it. Otherwise
    // the latest attempt's result comes back, as it was left.
    if (loaded.last && !(draft && canAnswer)) {
      setView({ mode: "result", quiz: loaded.quiz, result: loaded.last });
    } else {
      setAnswers({ ...initialAnswers(loaded.quiz), ...(draft ?? {}) });
      setView({ mode: "answer", quiz: loaded.quiz });
    }
  }, [fetchState]);

  useEffect(() => {
    // Loading the student's own copy once it is needed.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (needed) void load();
  }, [needed, load]);

  // Move focus to the outcome once it is on screen, so keyboard and screen-reader users land
  // on the result (and then read on into each question's feedback).
  useEffect(() => {
    if (justSubmitted && view?.mode === "result") resultHeadingRef.current?.focus();
  }, [justSubmitted, view]);
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  const quiz = view?.quiz ?? null;
  const update = useCallback(
    (questionId: string, response: QuestionResponse) => {
      if (!quiz) return;
      timings.current[questionId] = Date.now() - startedAt.current;
      setAnswers((prev) => {
        const nextAnswers = { ...prev, [questionId]: response };
        saveDraft(quiz.lessonSlug, quiz.id, nextAnswers);
        return nextAnswers;
      });
    },
    [quiz],
  );

  const title = shell.practice ? "Practice" : shell.assessment ? "Questions" : "Quiz";
  const status = state;
  const outOfAttempts = !shell.practice && status !== null && status.attemptsLeft === 0;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (pending || outOfAttempts || !quiz || view?.mode !== "answer") return;
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
      const res: SubmitResult = await sendAttempt(JSON.stringify(payload), {
        onBusy: (seconds) => setBusy(`Many answers are arriving at once: yours are sent again in ${seconds} second${seconds === 1 ? "" : "s"}. Stay on this page.`),
      });
      setBusy(null);
      if (!res.ok) return setError(res.error);
      submissionKey.current = null;
      clearDraft(quiz.lessonSlug, quiz.id);
      setJustSubmitted(true);
      resultShownAt.current = performance.now();
      setView({ mode: "result", quiz, result: res });
      setState((s) => (s ? { ...s, ...res.status, last: res } : s));
      // The next attempt comes in a new order: fetch it now, for "Try again".
      const fresh = await fetchState();
      if (fresh) setState(fresh);
    });
  }

  function tryAgain() {
    if (!state || performance.now() - resultShownAt.current < DOUBLE_CLICK_MS) return;
    setView({ mode: "answer", quiz: state.quiz });
    setAnswers(initialAnswers(state.quiz));
    setJustSubmitted(false);
    timings.current = {};
    startedAt.current = Date.now();
    requestAnimationFrame(() => document.getElementById(`${headingId}-q0`)?.focus());
  }

  const result = view?.mode === "result" ? view.result : null;
  const resultsById = new Map<string, QuestionResult>(result?.questions.map((r) => [r.questionId, r]));
  const canTryAgain = result !== null && (shell.practice || status?.attemptsLeft === null || (status?.attemptsLeft ?? 0) > 0);

  return (
    <section ref={sectionRef} id={shell.practice ? undefined : "quiz"} className={`quiz${shell.practice ? " quiz--practice" : ""}`} aria-labelledby={headingId} data-quiz-id={quiz?.id ?? shell.id} aria-busy={!view}>
      <h2 id={headingId} className="quiz__title">
        {title}
      </h2>
      <p className="quiz__policy">
        {shell.practice
          ? "Not graded: try it as often as you like."
          : shell.assessment
            ? `${shell.questionCount} questions · one attempt · nothing here is marked`
            : `${shell.questionCount} questions · pass mark ${shell.policy.passMark}% · ${shell.policy.maxAttempts === 0 ? "unlimited attempts" : attemptsText(shell.policy.maxAttempts)}`}
        {status && status.attemptsUsed > 0 && !shell.practice && !shell.assessment ? (
          <>
            {" "}
            · used {status.attemptsUsed}
            {status.bestFraction !== null ? `, best ${formatPercent(status.bestFraction)}` : ""}
          </>
        ) : null}
      </p>

      {!view ? (
        loadFailed ? (
          <p role="alert" className="form-error">
            Your questions could not be loaded.{" "}
            <button type="button" className="button button--small" onClick={() => void load()}>
              Try loading them again
            </button>
          </p>
        ) : (
          <p role="status" className="quiz__loading">
            Loading your questions…
          </p>
        )
      ) : null}

      <div aria-live="polite" aria-atomic="true" className="quiz__live">
        {result && quiz ? (
          <div className={`quiz__result ${result.passed && !quiz.assessment ? "quiz__result--pass" : ""}`}>
            <h3 ref={resultHeadingRef} tabIndex={-1}>
              {resultHeading(shell, quiz, result)}
            </h3>
            <p>
              {quiz.assessment
                ? result.revealed
                  ? "Open “Why” under a question for the reasoning."
                  : quiz.assessment === "pre"
                    ? "Your instructor sees your answers. Nothing here counts towards a mark. After the post-assessment, once your instructor opens the review, you can look back at both sets of questions."
                    : "Your instructor sees your answers. Once your instructor opens the review, you can look back at both sets of questions, with the feedback and the correct answers."
                : result.revealed
                  ? "The correct answers are shown below each question."
                  : "Your score is shown for each question; open “Why” for what your choice means."}{" "}
              {result.pendingCount > 0 && !quiz.assessment
                ? "Your score is final once your instructor has scored your written answers: the level and their comment will appear under each one here."
                : null}{" "}
              {!quiz.practice && !quiz.assessment && status?.attemptsLeft != null
                ? status.attemptsLeft > 0
                  ? `You have ${attemptsText(status.attemptsLeft)} left.`
                  : "You have no attempts left."
                : null}
            </p>
          </div>
        ) : null}
      </div>

      {result && quiz ? (
        <div className="quiz__actions">
          {canTryAgain ? (
            <button type="button" className="button button--primary" onClick={tryAgain}>
              Try again
            </button>
          ) : null}
          {next ? (
            <Link className="button" href={`/lessons/${next.slug}`}>
              Next: {next.title} →
            </Link>
          ) : null}
          {!quiz.practice && !quiz.assessment && status && status.history.length > 0 ? <History history={status.history} /> : null}
        </div>
      ) : null}

      {error ? (
        <p ref={errorRef} tabIndex={-1} role="alert" className="form-error">
          {error}
        </p>
      ) : null}
      {/* Always in the page, so a screen reader announces the words when they come. */}
      <p role="status" className={busy ? "quiz__notice" : "visually-hidden"}>
        {busy}
      </p>
      {outOfAttempts && view?.mode === "answer" ? (
        <p className="quiz__notice" role="status">
          You have used all your attempts at this quiz.
          {status?.bestFraction != null && !shell.assessment ? ` Your best score is ${formatPercent(status.bestFraction)}.` : ""}
        </p>
      ) : null}

      {quiz && view && !(result && quiz.assessment && !result.revealed) ? (
        <form onSubmit={submit} noValidate>
          <ol className="quiz__questions">
            {quiz.questions.map((q, index) => {
              const shown = resultsById.get(q.id);
              return (
                <li key={q.id} className="question" data-question-id={q.id} data-question-type={q.type}>
                  <QuestionInput
                    question={q}
                    number={index + 1}
                    headingId={`${headingId}-q${index}`}
                    response={view.mode === "result" ? (shown?.response ?? undefined) : answers[q.id]}
                    disabled={view.mode === "result" || pending || outOfAttempts}
                    onChange={(r) => update(q.id, r)}
                  />
                  {shown ? <QuestionFeedback question={q} result={shown} /> : null}
                </li>
              );
            })}
          </ol>
          {view.mode === "answer" ? (
            <div className="quiz__submit">
              <Unanswered quiz={quiz} answers={answers} />
              <button type="submit" className="button button--primary" disabled={pending || outOfAttempts} aria-disabled={pending || outOfAttempts}>
                {pending ? "Submitting…" : quiz.practice ? "Check my answers" : "Submit answers"}
              </button>
            </div>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

function Unanswered({ quiz, answers }: { quiz: PublicQuiz; answers: Answers }) {
  const count = quiz.questions.filter((q) => !clientType(q).isAnswered(q, answers[q.id])).length;
  if (count === 0) return null;
  return (
    <p className="quiz__hint">
      {count} question{count === 1 ? " is" : "s are"} not answered yet; unanswered questions score zero.
    </p>
  );
}

function History({ history }: { history: QuizState["history"] }) {
  return (
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
          {history.map((h) => (
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
  );
}
