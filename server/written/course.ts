import "server-only";
// The course's written questions (those a person scores), for the grading queue's filters.
import { getPublishedCourse } from "@/server/content/course";
import { isReviewed } from "@/questions/server";

const SHORT = 70;

export async function writtenQuestions() {
  return (await getPublishedCourse()).flatMap((l) =>
    l.quizzes.flatMap((quiz) =>
      quiz.questions.filter(isReviewed).map((q) => ({
        id: q.id,
        lessonSlug: l.slug,
        unitTitle: l.frontmatter?.title ?? l.slug,
        short: q.promptText.length > SHORT ? `${q.promptText.slice(0, SHORT - 1)}…` : q.promptText,
      })),
    ),
  );
}
