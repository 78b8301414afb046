import "server-only";
// The course as the app sees it: units in order, each compiled once per process (and again
// in development when its file changes). A unit with problems does not take the rest down:
// it is listed with its problems, and only its own page shows them.
import { stat } from "node:fs/promises";
import { cache } from "react";
import { compileLesson, findLessons, LESSONS_DIR, loadSources, type CompiledLesson } from "./lessons";
import { toQuizShell } from "./public-quiz";
import type { QuizShell } from "@/lib/quiz";
import { isPublished } from "@/lib/units";
import type { QuizDefinition } from "./quiz-types";

export type UnitSummary = {
  slug: string;
  order: number;
  title: string;
  summary: string;
  kind: "unit" | "assessment";
  assessment?: "pre" | "post";
  minutes: number;
  draft: boolean;
  /** The graded quiz's id, if the unit compiled. */
  quizId: string | null;
  broken: boolean;
};

const compiled = new Map<string, { mtimeMs: number; lesson: Promise<CompiledLesson> }>();
const isDev = process.env.NODE_ENV !== "production";

async function getCompiled(entry: Awaited<ReturnType<typeof findLessons>>["entries"][number]): Promise<CompiledLesson> {
  const mtimeMs = isDev ? (await stat(/*turbopackIgnore: true*/ entry.absPath)).mtimeMs : 0;
  const hit = compiled.get(entry.absPath);
  if (hit && hit.mtimeMs === mtimeMs) return hit.lesson;
  const lesson = loadSources().then((s) => compileLesson(entry, new Set(Object.keys(s))));
  compiled.set(entry.absPath, { mtimeMs, lesson });
  return lesson;
}

// The list of units: in production, read again only when the lessons/ folder has changed (a
// unit file added, removed or renamed changes the folder's mtime), and the folder looked at
// once a second at most; in development on every request, where a unit may also be a folder
// with an index.mdx. Reading the folder on every submission cost 5% of the server's CPU under
// load, and a stat on every request 4% (docs/benchmarks.md).
const LIST_CHECK_MS = 1000;
let listed: { mtimeMs: number; checkedAt: number; list: ReturnType<typeof findLessons> } | null = null;
async function listLessons(): ReturnType<typeof findLessons> {
  if (isDev) return findLessons();
  const now = Date.now();
  if (listed && now - listed.checkedAt < LIST_CHECK_MS) return listed.list;
  const { mtimeMs } = await stat(/*turbopackIgnore: true*/ LESSONS_DIR);
  if (listed?.mtimeMs === mtimeMs) {
    listed.checkedAt = now;
    return listed.list;
  }
  const list = findLessons().catch((error: unknown) => {
    listed = null;
    throw error;
  });
  listed = { mtimeMs, checkedAt: now, list };
  return list;
}

/** Every unit in course order, drafts included (callers filter by role). */
export const getCourse = cache(async (): Promise<CompiledLesson[]> => {
  const { entries } = await listLessons();
  return Promise.all(entries.map(getCompiled));
});

/** The units students see (drafts left out), in course order. */
export async function getPublishedCourse(): Promise<CompiledLesson[]> {
  return (await getCourse()).filter(isPublished);
}

export const getSources = cache(loadSources);

export function summarise(l: CompiledLesson): UnitSummary {
  const fm = l.frontmatter;
  return {
    slug: l.slug,
    order: l.order,
    title: fm?.title ?? l.file,
    summary: fm?.summary ?? "",
    kind: fm?.kind ?? "unit",
    ...(fm?.assessment ? { assessment: fm.assessment } : {}),
    minutes: fm?.minutes ?? 0,
    draft: !isPublished(l),
    quizId: l.quizzes.find((q) => !q.practice)?.id ?? null,
    broken: l.problems.length > 0,
  };
}

export async function getLesson(slug: string): Promise<CompiledLesson | null> {
  return (await getCourse()).find((l) => l.slug === slug) ?? null;
}

/** A unit students may open and submit to: null for a draft, as for an unknown slug. */
export async function getPublishedLesson(slug: string): Promise<CompiledLesson | null> {
  const lesson = await getLesson(slug);
  return lesson && isPublished(lesson) ? lesson : null;
}

/** A quiz with its answer key, for grading. Null when the lesson or quiz does not exist. */
export async function getQuizDefinition(lessonSlug: string, quizId: string): Promise<QuizDefinition | null> {
  const lesson = await getLesson(lessonSlug);
  return lesson?.quizzes.find((q) => q.id === quizId) ?? null;
}

/** The quizzes of a unit as its page is built with them: names and policies, no questions. */
export async function getQuizShells(slug: string): Promise<Record<string, QuizShell>> {
  const lesson = await getLesson(slug);
  const assessment = lesson?.frontmatter?.kind === "assessment" ? lesson.frontmatter.assessment : undefined;
  return Object.fromEntries((lesson?.quizzes ?? []).map((q) => [q.id, toQuizShell(q, q.practice ? undefined : assessment)]));
}
