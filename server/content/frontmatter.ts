// The frontmatter of a lesson: its schema, and validation that reports each problem at the
// line and column of the offending field.
import { z } from "zod";
import { parseDocument, LineCounter, isNode } from "yaml";
import { REVEAL_POLICIES, type QuizPolicy } from "@/lib/quiz";

export const DEFAULT_POLICY: QuizPolicy = { passMark: 70, maxAttempts: 3, reveal: "after-pass-or-last" };

const policySchema = z.strictObject({
  passMark: z.number().int().min(1).max(100).default(DEFAULT_POLICY.passMark),
  maxAttempts: z.number().int().min(0).max(20).default(DEFAULT_POLICY.maxAttempts),
  reveal: z.enum(REVEAL_POLICIES).default(DEFAULT_POLICY.reveal),
});

export const frontmatterSchema = z
  .strictObject({
    title: z.string().trim().min(3).max(120),
    summary: z.string().trim().min(10).max(400),
    kind: z.enum(["unit", "assessment"]).default("unit"),
    assessment: z.enum(["pre", "post"]).optional(),
    /** Assessments: which of the two parallel forms this unit's quiz is (docs/glossary.md). */
    form: z.enum(["A", "B"]).optional(),
    objectives: z.array(z.string().trim().min(3).max(300)).max(10).default([]),
    minutes: z.number().int().min(1).max(240),
    sources: z.array(z.string()).default([]),
    draft: z.boolean().default(false),
    quiz: policySchema.default(DEFAULT_POLICY),
  })
  .superRefine((fm, ctx) => {
    if (fm.kind === "unit" && fm.objectives.length === 0) {
      ctx.addIssue({ code: "custom", path: ["objectives"], message: "A unit needs at least one learning objective." });
    }
    if (fm.kind === "assessment" && !fm.assessment) {
      ctx.addIssue({ code: "custom", path: ["assessment"], message: "An assessment needs `assessment: pre` or `assessment: post`." });
    }
    if (fm.kind === "unit" && fm.assessment) {
      ctx.addIssue({ code: "custom", path: ["assessment"], message: "Only `kind: assessment` takes `assessment:`." });
    }
    if (fm.kind === "assessment" && !fm.form) {
      ctx.addIssue({ code: "custom", path: ["form"], message: "An assessment needs `form: A` or `form: B`: its quiz is one of the two parallel forms." });
    }
    if (fm.kind === "unit" && fm.form) {
      ctx.addIssue({ code: "custom", path: ["form"], message: "Only `kind: assessment` takes `form:`." });
    }
  });

export type Frontmatter = z.infer<typeof frontmatterSchema>;

export type FrontmatterProblem = { line: number; column: number; message: string };

function valueAt(raw: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), raw);
}

function describe(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = issue.path.join(".");
  const value = valueAt(raw, issue.path);
  if (issue.code === "unrecognized_keys") return `Unknown frontmatter field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${field ? ` in "${field}"` : ""}.`;
  if (issue.code === "invalid_type" && value === undefined) return `Frontmatter field "${field}" is required.`;
  if (issue.code === "invalid_type" && issue.expected === "string" && value && typeof value === "object") {
    return `Frontmatter field "${field}" should be text, but YAML read it as "key: value" because of a colon. Put the text in double quotes.`;
  }
  if (issue.code === "invalid_type") return `Frontmatter field "${field}" should be ${issue.expected === "number" ? "a whole number" : issue.expected === "boolean" ? "true or false" : issue.expected === "array" ? "a list" : issue.expected}.`;
  if (issue.code === "invalid_value" && "values" in issue) return `Frontmatter field "${field}" must be one of: ${issue.values.join(", ")}.`;
  if (issue.code === "custom") return issue.message;
  return `Frontmatter field "${field}": ${issue.message}.`;
}

/**
 * Parses and validates YAML frontmatter. `startLine` is the file line of the first YAML line,
 * so problems point into the file.
 */
export function parseFrontmatter(
  yamlText: string,
  startLine: number,
  knownSources: ReadonlySet<string>,
): { data: Frontmatter | null; problems: FrontmatterProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: startLine + line - 1, column: col };
  };
  if (doc.errors.length > 0) {
    return { data: null, problems: doc.errors.map((e) => ({ ...at(e.pos[0]), message: `Frontmatter is not valid YAML: ${e.message.split("\n")[0]}` })) };
  }
  const raw = doc.toJS() ?? {};
  const result = frontmatterSchema.safeParse(raw);
  const locate = (path: PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    return { line: startLine, column: 1 };
  };
  if (!result.success) {
    return { data: null, problems: result.error.issues.map((issue) => ({ ...locate(issue.path), message: describe(issue, raw) })) };
  }
  const problems = result.data.sources.flatMap((id, i) =>
    knownSources.has(id) ? [] : [{ ...locate(["sources", i]), message: `Source "${id}" is not in lessons/sources.yaml.` }],
  );
  return { data: result.data, problems };
}
