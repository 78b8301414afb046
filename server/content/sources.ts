// lessons/sources.yaml: the sources the course draws on, checked like a unit's frontmatter
// (each problem at its line, `npm run lessons:check`). A source may give `url`, the original's
// address: its source card then links to it. Only https addresses are accepted; a bad one is
// reported and never rendered as a link.
import { z } from "zod";
import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import type { Problem } from "@/lib/problems";

/** The kinds of source, with the label a source card shows. */
export const SOURCE_KINDS = {
  "interview-transcript": "Interview transcript",
  "network-report": "Network news report",
  "blog-summary": "Blog summary of other outlets' work",
  "aggregator-copy": "Aggregator copy",
  "citation-of-citation": "Citation of a citation",
  "newspaper-report": "Newspaper report",
  research: "Research",
  "official-statement": "Official statement",
  guidance: "Journalism guidance",
  "editors-note": "Editors' note",
  method: "Method",
} as const;

export type SourceKind = keyof typeof SOURCE_KINDS;

/** An https address without credentials: what a student may be sent to. */
export function isSourceUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "https:" && !url.username && !url.password && url.hostname.includes(".");
  } catch {
    return false;
  }
}

const sourceSchema = z.strictObject({
  title: z.string().trim().min(1, "Give the source a title.").max(200),
  outlet: z.string().trim().min(1, "Name the outlet (who published it).").max(200),
  date: z.string().max(80),
  kind: z.enum(Object.keys(SOURCE_KINDS) as [SourceKind, ...SourceKind[]], { error: `kind must be one of: ${Object.keys(SOURCE_KINDS).join(", ")}.` }),
  note: z.string().max(500).optional(),
  url: z.string().refine(isSourceUrl, "url must be a full https:// address of the original.").optional(),
});

/** A source's details; `kind` is missing only when sources.yaml gave one the course does not know. */
export type SourceInfo = Omit<z.infer<typeof sourceSchema>, "kind"> & { kind?: SourceKind };

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

/**
 * Parses sources.yaml. Every entry comes back (so a unit citing it still renders), but a field
 * that fails the schema is reported and an invalid `url` dropped.
 */
export function parseSources(yamlText: string, file: string): { sources: Record<string, SourceInfo>; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  const at = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    return { sources: {}, problems: doc.errors.map((e) => ({ ...at(e.pos[0]), message: `sources.yaml is not valid YAML: ${e.message.split("\n")[0]}` })) };
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { sources: {}, problems: [{ file, line: 1, column: 1, message: "sources.yaml must map each source id to its details." }] };
  }
  // A field's value, else the source's id (the key's own line, not its details').
  const locate = (path: (string | number)[]) => {
    for (let n = path.length; n > 1; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) return at(node.range[0]);
    }
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === path[0]) : undefined;
    return isScalar(pair?.key) && pair.key.range ? at(pair.key.range[0]) : { file, line: 1, column: 1 };
  };
  const sources: Record<string, SourceInfo> = {};
  const problems: Problem[] = [];
  for (const [id, entry] of Object.entries(raw as Record<string, unknown>)) {
    if (!ID.test(id)) problems.push({ ...locate([id]), message: `Source id "${id}": use lower-case letters, digits and hyphens.` });
    const result = sourceSchema.safeParse(entry);
    if (result.success) {
      sources[id] = result.data;
      continue;
    }
    for (const issue of result.error.issues) {
      const field = issue.path.join(".");
      problems.push({ ...locate([id, ...(issue.path as (string | number)[])]), message: `Source "${id}"${field ? `, ${field}` : ""}: ${issue.message}` });
    }
    const fallback = (typeof entry === "object" && entry !== null ? entry : {}) as Partial<Record<keyof SourceInfo, unknown>>;
    const str = (v: unknown) => (typeof v === "string" ? v : "");
    sources[id] = {
      title: str(fallback.title),
      outlet: str(fallback.outlet) || id,
      date: str(fallback.date),
      ...(str(fallback.kind) in SOURCE_KINDS ? { kind: fallback.kind as SourceKind } : {}),
      ...(typeof fallback.url === "string" && isSourceUrl(fallback.url) ? { url: fallback.url } : {}),
    };
  }
  return { sources, problems };
}
