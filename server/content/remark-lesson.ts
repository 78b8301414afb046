// A remark plugin run on every lesson as it is compiled. It
// 1. checks every component and attribute against lib/lesson-components.ts,
// 2. takes each <Quiz> out of the page: the full quiz, answer key included, goes to
//    `ctx.quizzes` (server only) and the page keeps a bare <Quiz id="…" /> placeholder.
// What is common to every question (id, type, prompt, Explanation) is read here; each type's
// own parts are read by its module (questions/<type>/server.ts, through questions/server.ts).
// Problems are collected in `ctx.problems` with their line and column, never thrown, so the
// lesson check can report every mistake at once.
import type { Root, RootContent, Nodes, Parent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { visit, SKIP } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import { toHast } from "mdast-util-to-hast";
import { toHtml } from "hast-util-to-html";
import { LESSON_COMPONENTS, QUIZ_COMPONENTS, type ComponentSpec } from "@/lib/lesson-components";
import type { QuizPolicy } from "@/lib/quiz";
import { isQuestionType, QUESTION_PARTS, QUESTION_TYPES } from "@/questions";
import { buildQuestion, choicesOf } from "@/questions/server";
import type { Discern, QuestionDefinition, QuizDefinition } from "./quiz-types";

/** Every component written directly inside a <Question> by some type (Option, Item, …). */
const ALL_PARTS = new Set(Object.values(QUESTION_PARTS).flatMap((parts) => Object.keys(parts)));

export type LessonPluginContext = {
  slug: string;
  policy: QuizPolicy;
  knownSources: ReadonlySet<string>;
  problems: { line: number; column: number; message: string }[];
  quizzes: QuizDefinition[];
  /** Line of each question's <Question> tag, by question id (kept apart from the definition, whose hash is its version). */
  questionLines?: Record<string, number>;
  /** The unit's sections: each ## heading with the id it gets in the page (the contents list). */
  headings?: { id: string; text: string }[];
};

/** A heading's id in the page: its words, lower case, joined by hyphens ("section" if none). */
export function headingId(text: string, taken: Set<string>): string {
  const base = text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "section";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

type Jsx = MdxJsxFlowElement | MdxJsxTextElement;
const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PRACTICE_POLICY: QuizPolicy = { passMark: 1, maxAttempts: 0, reveal: "always" };

function isJsx(node: Nodes): node is Jsx {
  return node.type === "mdxJsxFlowElement" || node.type === "mdxJsxTextElement";
}

function isBlank(node: Nodes): boolean {
  return node.type === "text" && node.value.trim() === "";
}

/**
 * The children of an element, with paragraphs that hold nothing but JSX elements unwrapped:
 * `<Option>a</Option>` lines written without blank lines between them parse as one paragraph.
 */
function flatChildren(node: Parent): Nodes[] {
  const out: Nodes[] = [];
  for (const child of node.children as Nodes[]) {
    if (child.type === "paragraph" && child.children.length > 0 && child.children.every((c) => isJsx(c) || isBlank(c))) {
      out.push(...child.children.filter((c) => !isBlank(c)));
    } else if (!isBlank(child)) {
      out.push(child);
    }
  }
  return out;
}

function fragmentHtml(nodes: Nodes[]): string {
  return toHtml(toHast({ type: "root", children: nodes as RootContent[] })).trim();
}

export function remarkLesson(ctx: LessonPluginContext) {
  const problem = (node: Nodes | undefined, message: string) => {
    const start = node?.position?.start;
    ctx.problems.push({ line: start?.line ?? 1, column: start?.column ?? 1, message });
  };

  /** Reads attributes, reporting unknown, missing and non-literal ones. */
  function attributes(node: Jsx, spec: ComponentSpec): Record<string, string | true> {
    const out: Record<string, string | true> = {};
    for (const attr of node.attributes) {
      if (attr.type !== "mdxJsxAttribute") {
        problem(node, `<${node.name}> cannot take {…} spread attributes.`);
        continue;
      }
      if (!spec.attributes.includes(attr.name)) {
        const allowed = spec.attributes.length ? `It takes: ${spec.attributes.join(", ")}.` : "It takes none.";
        problem(node, `<${node.name}> has an unknown attribute "${attr.name}". ${allowed}`);
        continue;
      }
      if (attr.value === null || attr.value === undefined) out[attr.name] = true;
      else if (typeof attr.value === "string") out[attr.name] = attr.value;
      else if (attr.value.value.trim() === "true") out[attr.name] = true;
      else if (attr.value.value.trim() === "false") continue;
      else problem(node, `<${node.name}> attribute "${attr.name}" must be text in double quotes.`);
    }
    for (const name of spec.required ?? []) {
      if (out[name] === undefined || out[name] === "") problem(node, `<${node.name}> needs a "${name}" attribute.`);
    }
    return out;
  }

  const text = (v: string | true | undefined) => (typeof v === "string" ? v.trim() : "");

  function extractQuestion(node: Jsx, quizId: string, seenIds: Set<string>): QuestionDefinition | null {
    const attrs = attributes(node, QUIZ_COMPONENTS.Question);
    const id = text(attrs.id);
    const type = text(attrs.type);
    let ok = true;
    if (id && !ID_PATTERN.test(id)) {
      problem(node, `Question id "${id}" must be lower-case words joined by hyphens, like "lone-wolf-label".`);
      ok = false;
    }
    if (id && seenIds.has(id)) {
      problem(node, `Question id "${id}" is used twice in this lesson.`);
      ok = false;
    }
    seenIds.add(id);
    if (id && ctx.questionLines && node.position) ctx.questionLines[id] = node.position.start.line;
    if (attrs.type !== undefined && !isQuestionType(type)) {
      problem(node, `Question "${id}" has unknown type "${type}". Use one of: ${QUESTION_TYPES.join(", ")}.`);
      ok = false;
    }
    let discern: Discern | undefined;
    if (attrs.discern !== undefined) {
      if (attrs.discern === "trust" || attrs.discern === "doubt") discern = attrs.discern;
      else problem(node, `Question "${id}": discern must be "trust" or "doubt".`);
    }

    // Children: the prompt (Markdown before the first part), the type's parts, one Explanation.
    const prompt: Nodes[] = [];
    const parts: Record<string, Jsx[]> = {};
    const explanations: Jsx[] = [];
    for (const child of flatChildren(node)) {
      if (isJsx(child) && child.name === "Explanation") {
        explanations.push(child);
      } else if (isJsx(child) && child.name && ALL_PARTS.has(child.name)) {
        (parts[child.name] ??= []).push(child);
      } else if (isJsx(child)) {
        problem(child, `<${child.name ?? "fragment"}> cannot be used inside a <Question>. Use ${[...ALL_PARTS].join(", ")} or Explanation.`);
      } else if (explanations.length > 0 || Object.keys(parts).length > 0) {
        problem(child, `Question "${id}": text after the first option is not shown. Move it into the prompt (before the options) or into <Explanation>.`);
      } else {
        let nested: Nodes | undefined;
        visit(child, (n) => {
          if (!nested && (isJsx(n as Nodes) || n.type === "mdxTextExpression" || n.type === "mdxFlowExpression")) nested = n as Nodes;
        });
        if (nested) problem(nested, `Question "${id}": the prompt can only hold Markdown (no components or {…}).`);
        else prompt.push(child);
      }
    }
    if (prompt.length === 0) problem(node, `Question "${id}" has no prompt: write the question before its first option.`);
    if (explanations.length !== 1) problem(node, `Question "${id}" needs exactly one <Explanation>.`);
    for (const e of explanations) attributes(e, QUIZ_COMPONENTS.Explanation);
    if (!ok || !isQuestionType(type)) return null;

    const own = QUESTION_PARTS[type] as Record<string, unknown>;
    for (const [name, nodes] of Object.entries(parts)) {
      if (!(name in own)) for (const n of nodes) problem(n, `<${name}> does not belong in a ${type} question.`);
    }
    const base = {
      id,
      quizId,
      promptHtml: fragmentHtml(prompt),
      promptText: prompt.map((n) => toString(n)).join("\n").trim(),
      explanationHtml: explanations[0] ? fragmentHtml(flatChildren(explanations[0])) : "",
      ...(discern ? { discern } : {}),
    };
    if (explanations[0] && base.explanationHtml === "") problem(explanations[0], `Question "${id}": the <Explanation> is empty.`);
    const fields = buildQuestion(type, { id, node, parts, attributes, problem });
    return fields ? ({ ...base, ...fields } as QuestionDefinition) : null;
  }

  function extractQuiz(node: Jsx, seenQuestionIds: Set<string>): QuizDefinition | null {
    const attrs = attributes(node, LESSON_COMPONENTS.Quiz);
    const id = text(attrs.id);
    if (id && !ID_PATTERN.test(id)) problem(node, `Quiz id "${id}" must be lower-case words joined by hyphens.`);
    const practice = attrs.practice === true;
    const questions: QuestionDefinition[] = [];
    for (const child of flatChildren(node)) {
      if (isJsx(child) && child.name === "Question") {
        const q = extractQuestion(child, id, seenQuestionIds);
        if (q) questions.push(q);
      } else {
        problem(child, `Only <Question> elements go inside a <Quiz>; put other text before the quiz.`);
      }
    }
    if (questions.length === 0) problem(node, `Quiz "${id}" has no questions.`);
    // Every option, item and phrase explains itself (the brief's rule for this course).
    for (const q of questions) {
      if (choicesOf(q).some((c) => !c.feedback)) problem(node, `Question "${q.id}": every option, item and phrase needs feedback="…".`);
    }
    return id ? { id, lessonSlug: ctx.slug, practice, policy: practice ? PRACTICE_POLICY : ctx.policy, questions } : null;
  }

  return (tree: Root) => {
    const seenQuestionIds = new Set<string>();
    // Ids the page uses already (the objectives' heading, the graded quiz's section).
    const takenIds = new Set(["objectives", "quiz", "main"]);
    ctx.headings = [];
    visit(tree, (node, index, parent) => {
      const n = node as Nodes;
      if (n.type === "heading" && n.depth === 2 && parent === tree) {
        const text = toString(n).trim();
        const id = headingId(text, takenIds);
        n.data = { ...n.data, hProperties: { ...(n.data?.hProperties ?? {}), id } };
        ctx.headings!.push({ id, text });
        return;
      }
      if (n.type === "mdxjsEsm") {
        problem(n, "A lesson cannot import or export code: use the components listed in lessons/README.md.");
        return;
      }
      if (n.type === "mdxFlowExpression" || n.type === "mdxTextExpression") {
        problem(n, "Curly braces start code in MDX: write \\{ and \\} for literal braces.");
        return;
      }
      if (!isJsx(n)) return;
      const name = n.name ?? "";
      if (name === "Quiz") {
        const quiz = extractQuiz(n, seenQuestionIds);
        if (quiz) ctx.quizzes.push(quiz);
        if (parent && typeof index === "number") {
          const placeholder: MdxJsxFlowElement = {
            type: "mdxJsxFlowElement",
            name: "Quiz",
            attributes: [{ type: "mdxJsxAttribute", name: "id", value: quiz?.id ?? "" }],
            children: [],
            position: n.position,
          };
          (parent as Parent).children[index] = placeholder;
        }
        return SKIP;
      }
      const spec = (LESSON_COMPONENTS as Record<string, ComponentSpec>)[name];
      if (!spec) {
        const hint = name in QUIZ_COMPONENTS ? ` <${name}> belongs inside a <Quiz>.` : "";
        problem(n, `Unknown component <${name || "fragment"}>.${hint} Components you can use: ${Object.keys(LESSON_COMPONENTS).join(", ")}.`);
        return;
      }
      const attrs = attributes(n, spec);
      if (typeof attrs.source === "string" && attrs.source !== "" && !ctx.knownSources.has(attrs.source)) {
        problem(n, `Source "${attrs.source}" is not in lessons/sources.yaml.`);
      }
    });
  };
}
