// One unit of the course, prerendered at build time: its content does not depend on who
// reads it. Drafts are not built here (authors preview them at /preview/[slug]), so an
// unknown or draft slug is a plain 404. In development a malformed unit shows its problems
// on its own page; a production build stops with them.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LessonView } from "@/components/lesson/LessonView";
import { getCourse, getLesson, getPublishedCourse, getPublishedLesson } from "@/server/content/course";
import { LessonError } from "@/lib/problems";

type Params = { params: Promise<{ slug: string }> };

export const dynamicParams = false;

export async function generateStaticParams() {
  const course = await getCourse();
  const problems = course.flatMap((l) => l.problems);
  // A malformed unit stops a production build, saying which and why (npm run lessons:check).
  if (problems.length && process.env.NODE_ENV === "production") throw new LessonError(problems);
  // In development a unit with problems keeps its page, which shows the problems.
  return (await getPublishedCourse()).map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = await getLesson((await params).slug);
  return { title: lesson?.frontmatter?.title ?? "Unit" };
}

export default async function LessonPage({ params }: Params) {
  const lesson = await getPublishedLesson((await params).slug);
  if (!lesson) notFound();
  return <LessonView lesson={lesson} />;
}
