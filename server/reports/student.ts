import "server-only";
// One student's record for their instructor: every graded attempt, every answer as text,
// with the time taken. Callers check first that the student is in the instructor's class.
import { getCourse } from "@/server/content/course";
import { db } from "@/server/db";
import { describeResponse, parseResponse } from "./responses";
import { questionVersions } from "./versions";
import { rubricOf } from "@/questions/server";

export async function studentRecord(studentId: string) {
  const attempts = await db.quizAttempt.findMany({
    where: { userId: studentId, kind: { not: "practice" } },
    orderBy: [{ submittedAt: "asc" }, { attemptNumber: "asc" }],
    select: {
      id: true,
      lessonSlug: true,
      quizId: true,
      kind: true,
      attemptNumber: true,
      fraction: true,
      passed: true,
      trustFraction: true,
      doubtFraction: true,
      startedAt: true,
      submittedAt: true,
      answers: { select: { id: true, questionId: true, questionVersion: true, response: true, score: true, correct: true, timeMs: true, pending: true, reviewLevel: true } },
    },
  });
  const versions = await questionVersions(attempts.flatMap((a) => a.answers.map((x) => x.questionVersion)));
  // Answers in the order the quiz asks its questions today (a removed question goes last).
  const order = new Map((await getCourse()).flatMap((l) => l.quizzes.map((q) => [q.id, q.questions.map((x) => x.id)] as const)));
  return attempts.map((a) => {
    const questions = order.get(a.quizId) ?? [];
    const at = (id: string) => (questions.includes(id) ? questions.indexOf(id) : questions.length);
    return {
      ...a,
      answers: a.answers
        .map((x) => {
          const q = versions.get(x.questionVersion);
          const level = q && x.reviewLevel ? (rubricOf(q)?.levels.find((l) => l.id === x.reviewLevel)?.label ?? x.reviewLevel) : null;
          return { ...x, prompt: q?.promptText ?? x.questionId, answer: q ? describeResponse(q, parseResponse(q, x.response)) : x.response, level };
        })
        .sort((x, y) => at(x.questionId) - at(y.questionId)),
    };
  });
}
