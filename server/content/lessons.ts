// Reads the course from lessons/: finds the units, validates their frontmatter, compiles
// their MDX and keeps the quizzes (with answer keys) on the server. The app, the lesson
// check and the tests all go through here, so a lesson is read one way only.
//
// Lessons are read at run time from the project's lessons/ folder (next.config.ts keeps it in
// traced builds), hence the turbopackIgnore hints on the fs calls.
// Deliberately free of "server-only" so the command-line lesson check can use it; the
// modules the app imports (./course.ts) carry the marker.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { compile } from "@mdx-js/mdx";
import remarkFrontmatter from "remark-frontmatter";
import remarkGfm from "remark-gfm";
import type { Root } from "mdast";
import { VFile } from "vfile";
import { DEFAULT_POLICY, parseFrontmatter, type Frontmatter } from "./frontmatter";
import { remarkLesson, type LessonPluginContext } from "./remark-lesson";
import type { QuizDefinition } from "./quiz-types";
import { parseSources, type SourceInfo } from "./sources";
import type { Problem } from "@/lib/problems";

export const LESSONS_DIR = path.join(process.cwd(), "lessons");
const NAME_PATTERN = /^(\d{2,3})-([a-z0-9]+(?:-[a-z0-9]+)*)(?:\.mdx|)$/;


export type LessonEntry = {
  slug: string;
  order: number;
  /** Path relative to the project, for messages. */
  file: string;
  absPath: string;
};

export type CompiledLesson = LessonEntry & {
  frontmatter: Frontmatter | null;
  /** Compiled MDX (function body), with quizzes replaced by placeholders. */
  code: string | null;
  quizzes: QuizDefinition[];
  /** Line of each question's <Question> tag, by question id: where the lesson check's warnings point. */
  questionLines: Record<string, number>;
  /** The unit's sections (its ## headings) with their ids in the page, for the contents list. */
  headings: { id: string; text: string }[];
  problems: Problem[];
};

/** Finds the unit files, in course order. Names that don't fit the pattern are problems. */
export async function findLessons(dir = LESSONS_DIR): Promise<{ entries: LessonEntry[]; problems: Problem[] }> {
  const entries: LessonEntry[] = [];
  const problems: Problem[] = [];
  const rel = (p: string) => path.relative(process.cwd(), p);
  for (const dirent of await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true })) {
    const name = dirent.name;
    if (name.startsWith(".") || name.startsWith("_")) continue;
    let absPath: string;
    if (dirent.isDirectory()) {
      absPath = path.join(/*turbopackIgnore: true*/ dir, name, "index.mdx");
      try {
        await stat(/*turbopackIgnore: true*/ absPath);
      } catch {
        problems.push({ file: rel(path.join(/*turbopackIgnore: true*/ dir, name)), line: 1, column: 1, message: "A unit folder needs an index.mdx file." });
        continue;
      }
    } else if (name.endsWith(".mdx")) {
      absPath = path.join(/*turbopackIgnore: true*/ dir, name);
    } else {
      continue;
    }
    const match = NAME_PATTERN.exec(name);
    if (!match) {
      problems.push({
        file: rel(absPath),
        line: 1,
        column: 1,
        message: `"${name}" is not a unit name: use a number, a hyphen and lower-case words, like "07-headlines.mdx".`,
      });
      continue;
    }
    entries.push({ slug: match[2], order: Number(match[1]), file: rel(absPath), absPath });
  }
  entries.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i].slug === entries[i - 1].slug || entries.findIndex((e) => e.slug === entries[i].slug) !== i) {
      problems.push({ file: entries[i].file, line: 1, column: 1, message: `Another unit already uses the name "${entries[i].slug}".` });
    }
  }
  return { entries, problems };
}

/** lessons/sources.yaml, parsed and checked (server/content/sources.ts); none is no sources. */
export async function readSources(dir = LESSONS_DIR): Promise<{ sources: Record<string, SourceInfo>; problems: Problem[] }> {
  const file = path.join(/*turbopackIgnore: true*/ dir, "sources.yaml");
  try {
    return parseSources(await readFile(/*turbopackIgnore: true*/ file, "utf8"), path.relative(process.cwd(), file));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { sources: {}, problems: [] };
    throw error;
  }
}

export async function loadSources(dir = LESSONS_DIR): Promise<Record<string, SourceInfo>> {
  return (await readSources(dir)).sources;
}

/** Compiles one unit. Never throws for a problem in the unit: problems come back in the result. */
export async function compileLesson(entry: LessonEntry, knownSources: ReadonlySet<string>): Promise<CompiledLesson> {
  const source = await readFile(/*turbopackIgnore: true*/ entry.absPath, "utf8");
  const problems: Problem[] = [];
  const at = (p: { line: number; column: number; message: string }) => problems.push({ file: entry.file, ...p });
  let frontmatter: Frontmatter | null = null;
  const ctx: LessonPluginContext = {
    slug: entry.slug,
    policy: DEFAULT_POLICY,
    knownSources,
    problems: [],
    quizzes: [],
    questionLines: {},
  };

  // Read the frontmatter first so the quiz extractor knows the quiz policy.
  const readFrontmatter = () => (tree: Root) => {
    const yamlNode = tree.children.find((n) => n.type === "yaml");
    if (!yamlNode || yamlNode.type !== "yaml") {
      at({ line: 1, column: 1, message: "The unit has no frontmatter: start the file with a --- block (see lessons/README.md)." });
      return;
    }
    const { data, problems: fmProblems } = parseFrontmatter(yamlNode.value, (yamlNode.position?.start.line ?? 1) + 1, knownSources);
    fmProblems.forEach(at);
    frontmatter = data;
    if (data) ctx.policy = data.quiz;
  };

  let code: string | null = null;
  try {
    const file = new VFile({ path: entry.absPath, value: source });
    const compiled = await compile(file, {
      outputFormat: "function-body",
      remarkPlugins: [remarkFrontmatter, remarkGfm, readFrontmatter, [remarkLesson, ctx]],
    });
    code = String(compiled.value);
  } catch (error) {
    const e = error as { line?: number; column?: number; place?: { line?: number; column?: number; start?: { line: number; column: number } }; reason?: string; message: string };
    const place = e.place && "start" in e.place && e.place.start ? e.place.start : (e.place as { line?: number; column?: number } | undefined);
    at({
      line: place?.line ?? e.line ?? 1,
      column: place?.column ?? e.column ?? 1,
      message: `MDX could not be read: ${e.reason ?? e.message}`,
    });
  }
  ctx.problems.forEach(at);

  const fm = frontmatter as Frontmatter | null;
  if (fm && code !== null) {
    const graded = ctx.quizzes.filter((q) => !q.practice);
    if (graded.length !== 1) {
      at({ line: 1, column: 1, message: `A unit needs exactly one graded <Quiz> (without "practice"); this one has ${graded.length}.` });
    }
    if (!/<ContentNote/.test(source)) {
      at({ line: 1, column: 1, message: "Every unit starts with a <ContentNote> (see lessons/README.md)." });
    }
  }
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { ...entry, frontmatter: fm, code: problems.length ? null : code, quizzes: ctx.quizzes, questionLines: ctx.questionLines ?? {}, headings: ctx.headings ?? [], problems };
}

/**
 * The two assessment forms must be parallel, because each student takes one before the course
 * and the other after it (server/quiz/forms.ts): one form A and one form B, each with one graded
 * quiz, the same number of questions, and in each position the same type and the same
 * `discern` — the same skill asked of a different case.
 */
export function formProblems(lessons: readonly CompiledLesson[]): Problem[] {
  const assessments = lessons.filter((l) => l.frontmatter?.kind === "assessment" && l.frontmatter.form);
  if (assessments.length === 0) return [];
  const problems: Problem[] = [];
  const at = (l: CompiledLesson, message: string, line = 1) => problems.push({ file: l.file, line, column: 1, message });
  const byForm = new Map<string, CompiledLesson>();
  for (const l of assessments) {
    const form = l.frontmatter!.form!;
    const other = byForm.get(form);
    if (other) at(l, `Form ${form} is already ${other.file}; the two assessments are forms A and B.`);
    else byForm.set(form, l);
  }
  const a = byForm.get("A");
  const b = byForm.get("B");
  if (!a || !b) {
    at(assessments[0], `The assessments need one form A and one form B (found only ${[...byForm.keys()].join(", ")}).`);
    return problems;
  }
  const graded = (l: CompiledLesson) => l.quizzes.filter((q) => !q.practice);
  for (const l of [a, b]) if (graded(l).length !== 1) at(l, "An assessment has exactly one graded <Quiz>.");
  const [qa, qb] = [graded(a)[0], graded(b)[0]];
  if (!qa || !qb) return problems;
  if (qa.questions.length !== qb.questions.length) {
    at(b, `Form B has ${qb.questions.length} questions and form A ${qa.questions.length}: parallel forms ask the same number.`);
  }
  qa.questions.forEach((x, i) => {
    const y = qb.questions[i];
    if (!y) return;
    const line = b.questionLines[y.id] ?? 1;
    if (x.type !== y.type) at(b, `Question ${i + 1} of form B ("${y.id}") is ${y.type}, but form A's ("${x.id}") is ${x.type}: parallel forms ask the same type in each position.`, line);
    if ((x.discern ?? "") !== (y.discern ?? "")) at(b, `Question ${i + 1} of form B ("${y.id}") has discern="${y.discern ?? ""}", but form A's has "${x.discern ?? ""}".`, line);
  });
  return problems;
}

/**
 * Checks the whole course: every unit on its own, plus what spans units (ids unique across
 * the course, one pre- and one post-assessment at most).
 */
export async function checkCourse(dir = LESSONS_DIR): Promise<{ lessons: CompiledLesson[]; problems: Problem[] }> {
  const { entries, problems } = await findLessons(dir);
  const read = await readSources(dir);
  problems.push(...read.problems);
  const sources = new Set(Object.keys(read.sources));
  const lessons = await Promise.all(entries.map((e) => compileLesson(e, sources)));
  for (const l of lessons) problems.push(...l.problems);

  const seen = new Map<string, string>();
  for (const l of lessons) {
    for (const quiz of l.quizzes) {
      const ids = [`quiz:${quiz.id}`, ...quiz.questions.map((q) => `question:${q.id}`)];
      for (const key of ids) {
        const other = seen.get(key);
        const [kind, id] = key.split(":");
        if (other && other !== l.file) {
          problems.push({ file: l.file, line: 1, column: 1, message: `The ${kind} id "${id}" is also used in ${other}; ids must be unique across the course.` });
        } else {
          seen.set(key, l.file);
        }
      }
    }
  }
  for (const which of ["pre", "post"] as const) {
    const found = lessons.filter((l) => l.frontmatter?.kind === "assessment" && l.frontmatter.assessment === which);
    for (const extra of found.slice(1)) {
      problems.push({ file: extra.file, line: 1, column: 1, message: `There is already a ${which}-assessment (${found[0].file}).` });
    }
  }
  problems.push(...formProblems(lessons));
  return { lessons, problems };
}
