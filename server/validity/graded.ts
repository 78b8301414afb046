// What the validity check measures: every unit's graded quiz and both assessments, never the
// practice quizzes (they count for nothing). Each question keeps its file and line, so a
// warning can point at it.
import type { CompiledLesson } from "@/server/content/lessons";
import type { QuestionDefinition, QuizDefinition } from "@/server/content/quiz-types";

export type GradedQuiz = { label: string; file: string; quiz: QuizDefinition };
export type LocatedQuestion = { file: string; line: number; question: QuestionDefinition };

export function gradedQuizzes(lessons: CompiledLesson[]): GradedQuiz[] {
  return lessons.flatMap((l) =>
    l.quizzes
      .filter((q) => !q.practice)
      .map((quiz) => ({ label: l.file.replace(/^.*lessons\//, "").replace(/(\/index)?\.mdx$/, ""), file: l.file, quiz })),
  );
}

export function gradedQuestions(lessons: CompiledLesson[]): LocatedQuestion[] {
  const lineOf = new Map(lessons.map((l) => [l.file, l.questionLines]));
  return gradedQuizzes(lessons).flatMap(({ file, quiz }) =>
    quiz.questions.map((question) => ({ file, line: lineOf.get(file)?.[question.id] ?? 1, question })),
  );
}
