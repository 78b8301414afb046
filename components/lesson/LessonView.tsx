// A unit as a page: header, the compiled MDX with its quizzes bound to their shells, and links
// to the previous and next unit. Used by the published lesson route and by the author preview
// (where each quiz is shown whole, with its key: QuizPreview).
// A page is the same for everyone (prerendered), so a quiz's questions are not in it: each
// student's browser loads their own copy (GET /api/quiz-status), in their own order.
import Link from "next/link";
import { PageLink } from "@/components/ui/PageLink";
import * as runtime from "react/jsx-runtime";
import { run } from "@mdx-js/mdx";
import type { MDXComponents } from "mdx/types";
import { lessonComponents } from "@/components/mdx/registry";
import { QuizForm } from "@/components/quiz/QuizForm";
import { QuizPreview } from "./QuizPreview";
import { UnitSources } from "./UnitSources";
import { LessonTracker } from "@/components/ui/LessonTracker";
import { LessonProblems } from "@/components/ui/LessonProblems";
import { UnitContents } from "@/components/ui/UnitContents";
import { getCourse, getQuizShells, getPublishedCourse, summarise } from "@/server/content/course";
import { isPublished, unitLabels } from "@/lib/units";
import type { CompiledLesson } from "@/server/content/lessons";

export async function LessonView({ lesson, preview = false }: { lesson: CompiledLesson; preview?: boolean }) {
  const fm = lesson.frontmatter;
  if (lesson.problems.length > 0 || !fm || !lesson.code) return <LessonProblems file={lesson.file} problems={lesson.problems} />;

  const course = await getCourse();
  const kicker = unitLabels(course.map(summarise))[course.findIndex((l) => l.slug === lesson.slug)]?.long ?? "Unit";
  const published = await getPublishedCourse();
  const index = published.findIndex((l) => l.slug === lesson.slug);
  const previous = index > 0 ? published[index - 1] : undefined;
  const next = index >= 0 ? published[index + 1] : undefined;

  const quizzes = await getQuizShells(lesson.slug);
  const definitions = new Map(lesson.quizzes.map((q) => [q.id, q]));
  const nextUnit = next ? { slug: next.slug, title: next.frontmatter?.title ?? next.slug } : null;
  const { default: Content } = await run(lesson.code, { ...runtime, baseUrl: import.meta.url });
  // A student's page gets each quiz's shell (the questions load in their browser); an author's
  // preview shows the whole quiz with its key, and stores nothing.
  const Quiz = ({ id }: { id: string }) =>
    preview ? (definitions.has(id) ? <QuizPreview quiz={definitions.get(id)!} /> : null) : quizzes[id] ? <QuizForm shell={quizzes[id]} next={nextUnit} /> : null;
  const components = { ...lessonComponents, Quiz } as MDXComponents;

  return (
    <article className="lesson">
      <header className="lesson__header">
        <p className="lesson__kicker">
          {kicker} · about {fm.minutes} minutes{!isPublished(lesson) ? " · DRAFT (visible to authors only)" : preview ? " · preview" : ""}
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
        <UnitContents slug={lesson.slug} sections={lesson.headings} quiz={!preview && lesson.quizzes.some((q) => !q.practice)} />
      </header>
      <div className="lesson__body">
        <Content components={components} />
      </div>
      <UnitSources ids={fm.sources} />
      <nav className="lesson__nav" aria-label="Units">
        {previous ? (
          <Link href={`/lessons/${previous.slug}`} rel="prev">
            ← {previous.frontmatter?.title}
          </Link>
        ) : (
          <span />
        )}
        <PageLink href="/course">All units</PageLink>
        {next ? (
          <Link href={`/lessons/${next.slug}`} rel="next">
            Next: {next.frontmatter?.title} →
          </Link>
        ) : (
          <span />
        )}
      </nav>
      {preview ? null : <LessonTracker slug={lesson.slug} />}
    </article>
  );
}
