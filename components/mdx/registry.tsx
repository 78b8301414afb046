// The one registry of components lesson authors may use (documented in lessons/README.md,
// checked by lib/lesson-components.ts). All are server components: they ship no JavaScript.
// <Quiz> is bound per lesson in components/lesson/LessonView.tsx, because it needs that
// lesson's public quiz data.
import type { ReactNode } from "react";
import type { LessonComponentName } from "@/lib/lesson-components";
import { getSources } from "@/server/content/course";
import { SOURCE_KINDS } from "@/server/content/sources";


export function ContentNote({ children }: { children: ReactNode }) {
  return (
    <aside className="content-note" aria-label="Content note">
      <p className="content-note__title">Content note</p>
      {children}
    </aside>
  );
}

export async function SourceCard({ source, speaker, children }: { source: string; speaker?: string; children: ReactNode }) {
  const info = (await getSources())[source];
  return (
    <figure className="source-card">
      <blockquote className="source-card__quote">{children}</blockquote>
      <figcaption className="source-card__meta">
        {speaker ? <span className="source-card__speaker">{speaker}, </span> : null}
        <cite>{info?.outlet ?? source}</cite>
        {info?.date ? <span>, {info.date}</span> : null}
        {info?.kind ? <span className="source-card__kind">{SOURCE_KINDS[info.kind]}</span> : null}
        {info?.title ? (
          <span className="source-card__title">
            {info.url ? (
              <a href={info.url} rel="noopener noreferrer">
                “{info.title}”<span className="visually-hidden"> (the original, on another site)</span>
              </a>
            ) : (
              <>“{info.title}”</>
            )}
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}

export function Callout({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <aside className="callout" aria-label={title ?? "Note"}>
      {title ? <p className="callout__title">{title}</p> : null}
      {children}
    </aside>
  );
}

export function SideBySide({ children }: { children: ReactNode }) {
  return <div className="side-by-side">{children}</div>;
}

export function CitationChain({ children }: { children: ReactNode }) {
  return (
    <ol className="citation-chain" aria-label="Citation chain, from the original to what you read">
      {children}
    </ol>
  );
}

export async function Hop({ label, source, children }: { label: string; source?: string; children: ReactNode }) {
  const info = source ? (await getSources())[source] : undefined;
  return (
    <li className="citation-chain__hop">
      <p className="citation-chain__label">{label}</p>
      <div>{children}</div>
      {info ? <p className="citation-chain__source">Source: {info.outlet}{info.date ? `, ${info.date}` : ""}</p> : null}
    </li>
  );
}

export function Exercise({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="exercise" aria-label={`Exercise: ${title}`}>
      <h3 className="exercise__title">Exercise: {title}</h3>
      {children}
    </section>
  );
}

export function Reveal({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="reveal">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

/**
 * "Who is behind this?": pages about an organisation, written by the course for the task (its
 * own page, what others say about it), each opened in place. Nothing links to the web: schools
 * may block it, and the course never links to extremist outlets.
 */
export function Investigation({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="investigation" aria-label={`Who is behind this? ${title}`}>
      <h3 className="investigation__title">Who is behind {title}?</h3>
      <p className="investigation__how">Open each page. They are written for this exercise: read what the organisation says about itself, then what others say about it.</p>
      <div className="investigation__pages">{children}</div>
    </section>
  );
}

export function Profile({ title, url, children }: { title: string; url: string; children: ReactNode }) {
  return (
    <details className="profile">
      <summary>
        <span className="profile__title">{title}</span> <span className="profile__url">{url}</span>
      </summary>
      <div className="profile__page">{children}</div>
    </details>
  );
}

/** Everything but Quiz, which the lesson page binds to its own quiz data. */
export const lessonComponents = {
  ContentNote,
  SourceCard,
  Callout,
  SideBySide,
  CitationChain,
  Hop,
  Exercise,
  Reveal,
  Investigation,
  Profile,
} satisfies Record<Exclude<LessonComponentName, "Quiz">, unknown>;
