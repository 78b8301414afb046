import "server-only";
// Which quiz a student answers on a unit's page. For a unit, the quiz with that id. For the
// pre- and post-assessment units, the student's own form (server/quiz/forms.ts): the page of
// the pre-assessment shows form A to half the class and form B to the other half.
import { getPublishedCourse, getPublishedLesson } from "@/server/content/course";
import type { CompiledLesson } from "@/server/content/lessons";
import type { QuizDefinition } from "@/server/content/quiz-types";
import { formFor, formOrder, type Slot } from "./forms";

export type QuizKind = "unit" | "practice" | "pre" | "post";
export type ResolvedQuiz = { lesson: CompiledLesson; quiz: QuizDefinition; kind: QuizKind };

const gradedQuiz = (l: CompiledLesson) => l.quizzes.find((q) => !q.practice) ?? null;

/** The form's quiz: the graded quiz of the assessment unit marked with that form. */
async function formQuiz(form: "A" | "B"): Promise<QuizDefinition | null> {
  const unit = (await getPublishedCourse()).find((l) => l.frontmatter?.kind === "assessment" && l.frontmatter.form === form);
  return unit ? gradedQuiz(unit) : null;
}

/**
 * The quiz a student answers for (lessonSlug, quizId), or null when there is none. On an
 * assessment unit, `quizId` may name the page's own form (what the page was built with) or
 * the student's form; either resolves to the student's form. `strict` (submissions) accepts
 * only the student's form.
 */
export async function resolveQuiz(userId: string, lessonSlug: string, quizId: string, strict = false): Promise<ResolvedQuiz | null> {
  const lesson = await getPublishedLesson(lessonSlug);
  if (!lesson) return null;
  const fm = lesson.frontmatter;
  if (fm?.kind === "assessment" && fm.assessment) {
    const own = gradedQuiz(lesson);
    const slot: Slot = fm.assessment;
    const quiz = await formQuiz(formFor(await formOrder(userId), slot));
    if (!quiz || !(quizId === quiz.id || (!strict && quizId === own?.id))) return null;
    return { lesson, quiz, kind: slot };
  }
  const quiz = lesson.quizzes.find((q) => q.id === quizId);
  return quiz ? { lesson, quiz, kind: quiz.practice ? "practice" : "unit" } : null;
}
