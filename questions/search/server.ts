// Search results on the server: chosen like a single-choice question (one result is the right
// first click; the same feedback, tallies and samples as the choice family). Each result's
// page is the Markdown inside its <Result>, made HTML here.
import type { RootContent } from "mdast";
import { toHast } from "mdast-util-to-hast";
import { toHtml } from "hast-util-to-html";
import { toString } from "mdast-util-to-string";
import { z } from "zod";
import type { ServerQuestionType } from "../contract";
import { chosenTexts, choiceFeedback, choiceTally, sampleOne, textIds } from "../choice/server";
import { QUERY, RESULT, type SearchDefinition, type SearchPublic, type SearchResponse } from "./types";

const URL_LIKE = /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i;

export const search: ServerQuestionType<SearchDefinition, SearchPublic, SearchResponse> = {
  type: "search",
  build(input) {
    const queries = input.parts.Query ?? [];
    if (queries.length !== 1) input.problem(input.node, `Question "${input.id}" needs exactly one <Query> (what was searched for).`);
    for (const q of queries) input.attributes(q, QUERY);
    const query = queries[0] ? toString(queries[0]).trim() : "";
    const nodes = input.parts.Result ?? [];
    const read = nodes.map((node, i) => {
      const a = input.attributes(node, RESULT);
      const text = (v: string | true | undefined) => (typeof v === "string" ? v.trim() : "");
      const url = text(a.url);
      if (url && !URL_LIKE.test(url)) input.problem(node, `Question "${input.id}": result ${i + 1} has url="${url}"; write an address without https://, like “example.org/about”.`);
      const pageHtml = toHtml(toHast({ type: "root", children: node.children as RootContent[] })).trim();
      if (!pageHtml) input.problem(node, `Question "${input.id}": result ${i + 1} has no page (write the page the student reads inside <Result>).`);
      return { title: text(a.title), url, snippet: text(a.snippet), pageHtml, correct: a.correct === true, feedback: text(a.feedback) };
    });
    if (read.length < 3) input.problem(input.node, `Question "${input.id}" needs at least three <Result>s to choose among.`);
    const correct = read.filter((r) => r.correct).length;
    if (correct !== 1) input.problem(input.node, `Question "${input.id}" needs exactly one result marked correct: the best first click (it has ${correct}).`);
    const ids = textIds("r", input.id, read.map((r) => `${r.title}\u0000${r.url}`));
    return { type: "search", query, results: read.map((r, i) => ({ id: ids[i], ...r })) };
  },
  choices: (q) => q.results.map(({ id, title, feedback, correct }) => ({ id, text: title, feedback, correct })),
  toPublic: (q, shuffle) => ({
    type: "search",
    query: q.query,
    results: shuffle(q.results).map(({ id, title, url, snippet, pageHtml }) => ({ id, title, url, snippet, pageHtml })),
  }),
  response: z.strictObject({ choice: z.string().max(40) }),
  expects: "one result",
  check: (q, r) => (r.choice !== "" && !q.results.some((x) => x.id === r.choice) ? `Question "${q.id}" has no result "${r.choice}".` : null),
  empty: () => ({ choice: "" }),
  score: (q, r) => (q.results.some((x) => x.id === r.choice && x.correct) ? 1 : 0),
  key: (q) => ({ choice: q.results.find((x) => x.correct)!.id }),
  feedback: (q, r, reveal) => choiceFeedback(q.results, [r.choice], reveal),
  lean: () => null,
  describe: (q, r) => (r.choice ? chosenTexts(q.results.map((x) => ({ id: x.id, text: x.title })), [r.choice]) : []),
  separator: "; ",
  tally: (q, responses) => choiceTally(q.results.map((x) => ({ ...x, text: x.title })), responses.map((r) => (r.choice ? [r.choice] : []))),
  sample: (q, right, random) => ({ choice: sampleOne(q.results, right, random) }),
};
