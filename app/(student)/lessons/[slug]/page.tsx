// One unit of the course. Prerendered at build time (its content does not depend on who reads
// it); a draft unit is rendered on request, for authors only. The quizzes in it reach the
// browser as PublicQuiz data: no answer key is in this page.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import * as runtime from "react/jsx-runtime";
import { run } from "@mdx-js/mdx";
import type { MDXComponents } from "mdx/types";
import { lessonComponents } from "@/components/mdx/registry";
import { QuizForm } from "@/components/quiz/QuizForm";
import { LessonTracker } from "@/components/ui/LessonTracker";
import { LessonProblems } from "@/components/ui/LessonProblems";
import { canSeeDrafts } from "@/lib/roles";
import { getCurrentUser } from "@/server/auth";
import { getCourse, getLesson, getPublicQuizzes } from "@/server/content/course";
import { LessonError } from "@/lib/problems";

type Params = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  const course = await getCourse();
  const problems = course.flatMap((l) => l.problems);
  // A malformed unit stops a production build, saying which and why (npm run lessons:check).
  if (problems.length && process.env.NODE_ENV === "production") throw new LessonError(problems);
  return course.filter((l) => !l.frontmatter?.draft && l.problems.length === 0).map((l) => ({ slug: l.slug }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const lesson = await getLesson((await params).slug);
  return { title: lesson?.frontmatter?.title ?? "Unit" };
}

export default async function LessonPage({ params }: Params) {
  const { slug } = await params;
  const lesson = await getLesson(slug);
  if (!lesson) notFound();
  if (lesson.problems.length > 0 || !lesson.frontmatter || !lesson.code) {
    if (process.env.NODE_ENV === "production") notFound();
    return <LessonProblems file={lesson.file} problems={lesson.problems} />;
  }
  const fm = lesson.frontmatter;
  if (fm.draft) {
    const user = await getCurrentUser();
    if (!user || !canSeeDrafts(user.role)) notFound();
  }

  const quizzes = await getPublicQuizzes(slug);
  const { default: Content } = await run(lesson.code, { ...runtime, baseUrl: import.meta.url });
  const components = {
    ...lessonComponents,
    Quiz: ({ id }: { id: string }) => (quizzes[id] ? <QuizForm quiz={quizzes[id]} /> : null),
  } as MDXComponents;

  const visible = (await getCourse()).filter((l) => !l.frontmatter?.draft || l.slug === slug);
  const index = visible.findIndex((l) => l.slug === slug);
  const previous = visible[index - 1];
  const next = visible[index + 1];

  return (
    <article className="lesson">
      <header className="lesson__header">
        <p className="lesson__kicker">
          {fm.kind === "assessment" ? (fm.assessment === "pre" ? "Before the course" : "After the course") : `Unit ${visible.filter((l, i) => i <= index && l.frontmatter?.kind !== "assessment").length}`}{" "}
          · about {fm.minutes} minutes{fm.draft ? " · DRAFT (visible to authors only)" : ""}
        </p>
        <h1>{fm.title}</h1>
        <p className="lesson__summary">{fm.summary}</p>
        {fm.objectives.length > 0 ? (
          <section aria-labelledby="objectives" className="lesson__objectives">
            <h2 id="objectives">By the end you can</h2>
            <ul>
              {fm.objectives.map((o) => (
                <li key={o}>{o}</li>
              ))}
            </ul>
          </section>
        ) : null}
      </header>
      <div className="lesson__body">
        <Content components={components} />
      </div>
      <nav className="lesson__nav" aria-label="Units">
        {previous ? (
          <Link href={`/lessons/${previous.slug}`} rel="prev">
            ← {previous.frontmatter?.title}
          </Link>
        ) : (
          <span />
        )}
        <Link href="/course">All units</Link>
        {next ? (
          <Link href={`/lessons/${next.slug}`} rel="next">
            Next: {next.frontmatter?.title} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      <LessonTracker slug={slug} />
    </article>
  );
}
