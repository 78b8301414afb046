// Search results in the browser: a results page (the query, then each result's title, address
// and snippet). Opening a result — its title is a button — shows the page the course provides
// for it; the first result opened is the answer, said in words beside it, and can be changed
// with "Choose a different first result" until the quiz is submitted.
import { useState } from "react";
import type { ClientQuestionType, InputProps } from "../client-contract";
import type { SearchPublic, SearchResponse } from "./types";

function SearchInput({ question: q, headingId, response, disabled, onChange }: InputProps<SearchPublic, SearchResponse>) {
  const first = response?.choice ?? "";
  const [open, setOpen] = useState<string>(first);
  const page = q.results.find((r) => r.id === open);
  return (
    <div className="serp">
      <p className="serp__query">
        <span className="serp__label">Search:</span> {q.query}
      </p>
      <ol className="serp__results" aria-label="Search results">
        {q.results.map((r) => (
          <li key={r.id} className={`serp__result${first === r.id ? " serp__result--first" : ""}`}>
            <button
              type="button"
              className="serp__title"
              aria-expanded={open === r.id}
              aria-controls={`${headingId}-page`}
              disabled={disabled}
              onClick={() => {
                if (!first) onChange({ choice: r.id });
                setOpen(r.id);
              }}
            >
              {r.title}
            </button>
            <p className="serp__url">{r.url}</p>
            <p className="serp__snippet">{r.snippet}</p>
            {first === r.id ? <p className="serp__first">You opened this result first.</p> : null}
          </li>
        ))}
      </ol>
      <div id={`${headingId}-page`} aria-live="polite">
        {page ? (
          <article className="serp__page" aria-label={`The page: ${page.title}`}>
            <p className="serp__page-url">{page.url}</p>
            {/* Written for the task by the course's authors, rendered to HTML on the server from Markdown only. */}
            <div dangerouslySetInnerHTML={{ __html: page.pageHtml }} />
          </article>
        ) : null}
      </div>
      {first && !disabled ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            onChange({ choice: "" });
            setOpen("");
          }}
        >
          Choose a different first result
        </button>
      ) : null}
    </div>
  );
}

const titleOf = (q: SearchPublic, id: string) => q.results.find((r) => r.id === id)?.title ?? id;

export const search: ClientQuestionType<SearchPublic, SearchResponse> = {
  type: "search",
  hint: "Read the results, then open the one you would open first. Its page appears below the results.",
  Input: SearchInput,
  initial: () => undefined,
  isAnswered: (_q, r) => Boolean(r?.choice),
  label: titleOf,
  keyText: (q, key) => titleOf(q, key.choice),
};
