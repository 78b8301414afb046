"use client";
// A unit's contents: its sections (## headings) as jump links, then the quiz, with how many
// sections the student has read. A section counts as read once its heading has reached the
// upper half of the screen while scrolling; what was read is kept in this browser for this user (like a quiz
// draft: lib/drafts.ts) and marked with a tick and the word "read" for screen readers.
import { useEffect, useState } from "react";
import { loadReadSections, saveReadSections } from "@/lib/drafts";

type Section = { id: string; text: string };

export function UnitContents({ slug, sections, quiz }: { slug: string; sections: Section[]; quiz: boolean }) {
  const [read, setRead] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let seen = new Set<string>();
    let cancelled = false;
    void loadReadSections(slug).then((ids) => {
      if (cancelled) return;
      seen = new Set([...seen, ...ids.filter((id) => sections.some((s) => s.id === id))]);
      setRead(new Set(seen));
    });
    // Read: the section's heading has reached the upper half of the screen (or gone past it).
    let frame = 0;
    const check = () => {
      frame = 0;
      let changed = false;
      for (const sec of sections) {
        const el = document.getElementById(sec.id);
        if (el && !seen.has(sec.id) && el.getBoundingClientRect().top < window.innerHeight / 2) {
          seen.add(sec.id);
          changed = true;
        }
      }
      if (changed) {
        setRead(new Set(seen));
        saveReadSections(slug, [...seen]);
      }
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(check);
    };
    window.addEventListener("scroll", onScroll, { passive: true });
    onScroll(); // a reload part-way down the page
    return () => {
      cancelled = true;
      window.removeEventListener("scroll", onScroll);
      cancelAnimationFrame(frame);
    };
  }, [slug, sections]);

  if (sections.length === 0) return null;
  const done = sections.filter((s) => read.has(s.id)).length;
  return (
    <nav className="unit-contents" aria-label="In this unit">
      {/* Closed at first, so the content note stays the first thing a student reads. */}
      <details>
        <summary className="unit-contents__title">
          In this unit: {done} of {sections.length} sections read{" "}
          <progress max={sections.length} value={done} aria-hidden="true" />
        </summary>
        <ol className="unit-contents__list">
          {sections.map((s) => (
            <li key={s.id} className={read.has(s.id) ? "unit-contents__item unit-contents__item--read" : "unit-contents__item"}>
              <a href={`#${s.id}`}>{s.text}</a>
              {read.has(s.id) ? (
                <span className="unit-contents__mark">
                  <span aria-hidden="true"> ✓</span>
                  <span className="visually-hidden"> (read)</span>
                </span>
              ) : null}
            </li>
          ))}
          {quiz ? (
            <li className="unit-contents__item">
              <a href="#quiz">Quiz</a>
            </li>
          ) : null}
        </ol>
      </details>
    </nav>
  );
}
