// A remark plugin run on every lesson as it is compiled. It
// 1. checks every component and attribute against lib/lesson-components.ts,
// 2. takes each <Quiz> out of the page: the full quiz, answer key included, goes to
//    `ctx.quizzes` (server only) and the page keeps a bare <Quiz id="…" /> placeholder.
// Problems are collected in `ctx.problems` with their line and column, never thrown, so the
// lesson check can report every mistake at once.
import { createHash } from "node:crypto";
import type { Root, RootContent, Nodes, Parent } from "mdast";
import type { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx-jsx";
import { visit, SKIP } from "unist-util-visit";
import { toString } from "mdast-util-to-string";
import { toHast } from "mdast-util-to-hast";
import { toHtml } from "hast-util-to-html";
import { LESSON_COMPONENTS, QUIZ_COMPONENTS, type ComponentSpec } from "@/lib/lesson-components";
import { QUESTION_TYPES, type QuestionType, type QuizPolicy } from "@/lib/quiz";
import type {
  CategoriseItem,
  ChoiceOption,
  Discern,
  OrderingItem,
  PassagePart,
  Phrase,
  QuestionDefinition,
  QuizDefinition,
} from "./quiz-types";

export type LessonPluginContext = {
  slug: string;
  policy: QuizPolicy;
  knownSources: ReadonlySet<string>;
  problems: { line: number; column: number; message: string }[];
  quizzes: QuizDefinition[];
  /** Line of each question's <Question> tag, by question id (kept apart from the definition, whose hash is its version). */
  questionLines?: Record<string, number>;
};

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

/** Stable short id for the n-th option, item or phrase of a question (1-based, display order). */
function childId(prefix: string, n: number): string {
  return `${prefix}${n}`;
}

/** A shuffle that is the same on every build, and never the authored order. */
export function displayPermutation(seed: string, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = createHash("sha256").update(seed).digest().readUInt32LE(0);
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  if (n > 1 && order.every((v, i) => v === i)) order.push(order.shift()!);
  return order;
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
    const type = text(attrs.type) as QuestionType;
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
    if (attrs.type !== undefined && !QUESTION_TYPES.includes(type)) {
      problem(node, `Question "${id}" has unknown type "${type}". Use one of: ${QUESTION_TYPES.join(", ")}.`);
      ok = false;
    }
    let discern: Discern | undefined;
    if (attrs.discern !== undefined) {
      if (attrs.discern === "trust" || attrs.discern === "doubt") discern = attrs.discern;
      else problem(node, `Question "${id}": discern must be "trust" or "doubt".`);
    }

    const prompt: Nodes[] = [];
    const parts: Record<"Option" | "Item" | "Category" | "Passage" | "Explanation", Jsx[]> = {
      Option: [], Item: [], Category: [], Passage: [], Explanation: [],
    };
    for (const child of flatChildren(node)) {
      if (isJsx(child) && child.name && child.name in parts) {
        parts[child.name as keyof typeof parts].push(child);
      } else if (isJsx(child)) {
        problem(child, `<${child.name ?? "fragment"}> cannot be used inside a <Question>. Use Option, Item, Category, Passage or Explanation.`);
      } else if (parts.Option.length + parts.Item.length + parts.Category.length + parts.Passage.length + parts.Explanation.length > 0) {
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
    if (parts.Explanation.length !== 1) problem(node, `Question "${id}" needs exactly one <Explanation>.`);
    for (const e of parts.Explanation) attributes(e, QUIZ_COMPONENTS.Explanation);
    if (!ok || !QUESTION_TYPES.includes(type)) return null;

    const wrongParts = (allowed: (keyof typeof parts)[]) => {
      for (const [name, nodes] of Object.entries(parts)) {
        if (name !== "Explanation" && !allowed.includes(name as keyof typeof parts)) {
          for (const n of nodes) problem(n, `<${name}> does not belong in a ${type} question.`);
        }
      }
    };
    const feedbackOf = (n: Jsx, attrs: Record<string, string | true>) => {
      const f = text(attrs.feedback);
      return f;
    };

    const base = {
      id,
      quizId,
      promptHtml: fragmentHtml(prompt),
      promptText: prompt.map((n) => toString(n)).join("\n").trim(),
      explanationHtml: parts.Explanation[0] ? fragmentHtml(flatChildren(parts.Explanation[0])) : "",
      ...(discern ? { discern } : {}),
    };
    if (parts.Explanation[0] && base.explanationHtml === "") problem(parts.Explanation[0], `Question "${id}": the <Explanation> is empty.`);

    switch (type) {
      case "single":
      case "truefalse":
      case "multiple": {
        wrongParts(["Option"]);
        const options: ChoiceOption[] = parts.Option.map((o, i) => {
          const a = attributes(o, QUIZ_COMPONENTS.Option);
          const t = toString(o).trim();
          if (!t) problem(o, `Question "${id}": option ${i + 1} has no text.`);
          let lean: Discern | undefined;
          if (a.lean === "trust" || a.lean === "doubt") lean = a.lean;
          else if (a.lean !== undefined) problem(o, `Question "${id}": option ${i + 1} has lean="${String(a.lean)}"; use "trust" or "doubt".`);
          return { id: childId("o", i + 1), text: t, correct: a.correct === true, feedback: feedbackOf(o, a), ...(lean ? { lean } : {}) };
        });
        const correct = options.filter((o) => o.correct).length;
        if (options.length < 2) problem(node, `Question "${id}" needs at least two options.`);
        if (type === "truefalse" && options.length !== 2) problem(node, `Question "${id}" is true/false, so it needs exactly two options (True and False).`);
        if (type !== "multiple" && correct !== 1) problem(node, `Question "${id}" needs exactly one option marked correct (it has ${correct}).`);
        if (type === "multiple" && correct < 1) problem(node, `Question "${id}" needs at least one option marked correct.`);
        return { ...base, type, options };
      }
      case "ordering": {
        wrongParts(["Item"]);
        const authored = parts.Item.map((it) => {
          const a = attributes(it, QUIZ_COMPONENTS.Item);
          if (a.category !== undefined) problem(it, `Question "${id}": an ordering item takes no category.`);
          if (!toString(it).trim()) problem(it, `Question "${id}": an item has no text.`);
          return { text: toString(it).trim(), feedback: feedbackOf(it, a) };
        });
        if (authored.length < 2) problem(node, `Question "${id}" needs at least two items to order.`);
        // Ids follow the shuffled display order, so an id never hints at the right position.
        const perm = displayPermutation(id, authored.length);
        const idOfAuthored = new Array<string>(authored.length);
        perm.forEach((authoredIndex, displayIndex) => (idOfAuthored[authoredIndex] = childId("i", displayIndex + 1)));
        const items: OrderingItem[] = authored.map((it, i) => ({ id: idOfAuthored[i], ...it }));
        return { ...base, type, items, displayOrder: perm.map((i) => idOfAuthored[i]) };
      }
      case "categorise": {
        wrongParts(["Item", "Category"]);
        const categories = parts.Category.map((c) => {
          const a = attributes(c, QUIZ_COMPONENTS.Category);
          return { id: text(a.id), label: toString(c).trim(), node: c };
        });
        const catIds = new Set<string>();
        for (const c of categories) {
          if (catIds.has(c.id)) problem(c.node, `Question "${id}": category "${c.id}" is defined twice.`);
          catIds.add(c.id);
          if (!c.label) problem(c.node, `Question "${id}": category "${c.id}" has no label.`);
        }
        if (categories.length < 2) problem(node, `Question "${id}" needs at least two categories.`);
        const items: CategoriseItem[] = parts.Item.map((it, i) => {
          const a = attributes(it, QUIZ_COMPONENTS.Item);
          const category = text(a.category);
          if (!category) problem(it, `Question "${id}": every item needs a category="…".`);
          else if (!catIds.has(category)) problem(it, `Question "${id}": item category "${category}" is not one of the question's categories (${[...catIds].join(", ")}).`);
          if (!toString(it).trim()) problem(it, `Question "${id}": an item has no text.`);
          return { id: childId("i", i + 1), text: toString(it).trim(), category, feedback: feedbackOf(it, a) };
        });
        if (items.length < 2) problem(node, `Question "${id}" needs at least two items to sort.`);
        return { ...base, type, categories: categories.map(({ id: cid, label }) => ({ id: cid, label })), items };
      }
      case "highlight": {
        wrongParts(["Passage"]);
        if (parts.Passage.length !== 1) {
          problem(node, `Question "${id}" needs exactly one <Passage>.`);
          return null;
        }
        const passageNode = parts.Passage[0];
        attributes(passageNode, QUIZ_COMPONENTS.Passage);
        const passage: PassagePart[] = [];
        const phrases: Phrase[] = [];
        const walk = (n: Nodes) => {
          if (isJsx(n) && n.name === "Phrase") {
            const a = attributes(n, QUIZ_COMPONENTS.Phrase);
            const phraseId = childId("p", phrases.length + 1);
            phrases.push({ id: phraseId, text: toString(n), correct: a.correct === true, feedback: feedbackOf(n, a) });
            passage.push({ phraseId, text: toString(n) });
          } else if (isJsx(n)) {
            problem(n, `Question "${id}": only <Phrase> can be used inside a <Passage>.`);
          } else if (n.type === "paragraph") {
            if (passage.length > 0) passage.push({ text: "\n\n" });
            n.children.forEach((c) => walk(c as Nodes));
          } else if ("children" in n) {
            n.children.forEach((c) => walk(c as Nodes));
          } else if ("value" in n) {
            passage.push({ text: n.value });
          }
        };
        passageNode.children.forEach((c) => walk(c as Nodes));
        if (phrases.length === 0) problem(passageNode, `Question "${id}": the passage has no <Phrase> to select.`);
        else if (!phrases.some((p) => p.correct)) problem(passageNode, `Question "${id}": mark at least one <Phrase> correct.`);
        return { ...base, type, passage, phrases };
      }
    }
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
      const choices =
        q.type === "highlight" ? q.phrases : q.type === "ordering" || q.type === "categorise" ? q.items : q.options;
      if (choices.some((c) => !c.feedback)) problem(node, `Question "${q.id}": every option, item and phrase needs feedback="…".`);
    }
    return id ? { id, lessonSlug: ctx.slug, practice, policy: practice ? PRACTICE_POLICY : ctx.policy, questions } : null;
  }

  return (tree: Root) => {
    const seenQuestionIds = new Set<string>();
    visit(tree, (node, index, parent) => {
      const n = node as Nodes;
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
