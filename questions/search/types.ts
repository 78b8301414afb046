// Search results: a results page the course writes for a claim (titles, addresses, snippets);
// the student chooses which result to open first — click restraint, the fact-checker's habit of
// reading the results before clicking — and reads the page the course provides for it.
// Offline by design: nothing here reaches the web (schools may block it).
import type { ComponentSpec, DefinitionBase, PublicBase } from "../contract";

export type SearchResult = { id: string; title: string; url: string; snippet: string; pageHtml: string; correct: boolean; feedback: string };
export type SearchDefinition = DefinitionBase & { type: "search"; query: string; results: SearchResult[] };
/** Everything a student reads (titles, addresses, snippets, pages); never which result is right or the feedback. */
export type SearchPublic = PublicBase & { type: "search"; query: string; results: { id: string; title: string; url: string; snippet: string; pageHtml: string }[] };
/** The result the student opened first ("" when none). */
export type SearchResponse = { choice: string };

export const QUERY: ComponentSpec = { attributes: [] };
export const RESULT: ComponentSpec = { attributes: ["title", "url", "snippet", "correct", "feedback"], required: ["title", "url", "snippet", "feedback"] };
export const parts = { Query: QUERY, Result: RESULT } as const;
