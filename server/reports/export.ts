import "server-only";
// CSV exports of a class, streamed: each pull reads the next batch from the database and
// writes its rows, so memory stays flat however large the class (and a cancelled download
// stops reading). Callers check access first.
import { db } from "@/server/db";
import type { OwnClass } from "./classes";
import { csvRows, type CsvValue } from "./csv";
import { STATUS_LABELS, progressFor } from "./progress";
import { describeResponse, parseResponse } from "./responses";
import { questionVersions } from "./versions";
import { ASSIGNMENT_LABELS, assignmentStatus } from "@/lib/assignments";
import { rubricOf } from "@/questions/server";
import type { QuestionDefinition } from "@/server/content/quiz-types";

const levelLabel = (q: QuestionDefinition | undefined, level: string) => (q && rubricOf(q)?.levels.find((l) => l.id === level)?.label) ?? level;

const STUDENT_BATCH = 100;
/** About 25 × 80 = 2,000 answers per read. */
const ANSWER_STUDENT_BATCH = 25;

/** A byte stream of a header row and the rows the batches yield. UTF-8 with a BOM for Excel. */
export function csvStream(header: readonly string[], batches: AsyncGenerator<CsvValue[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvRows([header])}`));
    },
    async pull(controller) {
      const { value, done } = await batches.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(csvRows(value)));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}

/**
 * One row per student: for each unit its status, best score (0–100), number of attempts,
 * written answers awaiting review and, when the unit has a due date, done on time / done
 * late / missing / not due yet.
 */
export function progressCsv(klass: OwnClass, units: readonly { slug: string; title: string }[], dueAt: ReadonlyMap<string, Date> = new Map(), now = new Date()): ReadableStream<Uint8Array> {
  const header = ["student", "email", ...units.flatMap((u) => [`${u.slug} status`, `${u.slug} best %`, `${u.slug} attempts`, `${u.slug} awaiting review`, `${u.slug} due date`])];
  const students = klass.enrollments.map((e) => e.user);
  async function* rows() {
    for (let i = 0; i < students.length; i += STUDENT_BATCH) {
      const batch = students.slice(i, i + STUDENT_BATCH);
      const progress = await progressFor(batch.map((s) => s.id));
      yield batch.map((s) => [
        s.name,
        s.email,
        ...units.flatMap((u) => {
          const p = progress.get(s.id)?.get(u.slug);
          const due = dueAt.get(u.slug);
          return [
            STATUS_LABELS[p?.status ?? "not-started"],
            p?.bestFraction == null ? null : Math.round(p.bestFraction * 1000) / 10,
            p?.attempts ?? 0,
            p?.awaiting ?? 0,
            due ? ASSIGNMENT_LABELS[assignmentStatus(due, p?.completedAt ?? null, now)] : null,
          ];
        }),
      ]);
    }
  }
  return csvStream(header, rows());
}

export const RESPONSES_HEADER = [
  "student",
  "email",
  "unit",
  "quiz",
  "kind",
  "attempt",
  "started at",
  "submitted at",
  "question",
  "question version",
  "prompt",
  "answer",
  "score",
  "correct",
  "time (s)",
  "review",
  "review comment",
] as const;

/**
 * One row per stored answer of every student in the class, student by student (in roster
 * order), each student's attempts in the order they were made. Batches are a few students
 * each, read by the (userId, quizId, attemptNumber) index, so the cost follows the class's
 * own answers, not the size of the database.
 */
export function responsesCsv(klass: OwnClass): ReadableStream<Uint8Array> {
  const students = klass.enrollments.map((e) => e.user);
  async function* rows() {
    for (let i = 0; i < students.length; i += ANSWER_STUDENT_BATCH) {
      const batch = students.slice(i, i + ANSWER_STUDENT_BATCH);
      const attempts = await db.quizAttempt.findMany({
        where: { userId: { in: batch.map((s) => s.id) } },
        orderBy: [{ submittedAt: "asc" }, { attemptNumber: "asc" }],
        select: {
          userId: true,
          lessonSlug: true,
          quizId: true,
          kind: true,
          attemptNumber: true,
          startedAt: true,
          submittedAt: true,
          answers: { orderBy: { questionId: "asc" }, select: { questionId: true, questionVersion: true, response: true, score: true, correct: true, timeMs: true, pending: true, reviewLevel: true, reviewComment: true } },
        },
      });
      const versions = await questionVersions(attempts.flatMap((a) => a.answers.map((x) => x.questionVersion)));
      yield batch.flatMap((s) =>
        attempts
          .filter((a) => a.userId === s.id)
          .flatMap((a) =>
            a.answers.map((x): CsvValue[] => {
              const q = versions.get(x.questionVersion);
              return [
                s.name,
                s.email,
                a.lessonSlug,
                a.quizId,
                a.kind,
                a.attemptNumber,
                a.startedAt,
                a.submittedAt,
                x.questionId,
                x.questionVersion,
                q?.promptText ?? "",
                q ? describeResponse(q, parseResponse(q, x.response)) : x.response,
                x.score,
                x.correct,
                x.timeMs == null ? null : x.timeMs / 1000,
                // Written answers: "awaiting review" (score 0 until then), or the rubric level given.
                x.pending ? "awaiting review" : x.reviewLevel ? levelLabel(q, x.reviewLevel) : null,
                x.reviewComment,
              ];
            }),
          ),
      );
    }
  }
  return csvStream(RESPONSES_HEADER, rows());
}
