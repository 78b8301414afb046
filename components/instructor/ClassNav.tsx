// The tabs of a class's pages. Plain links: each page is its own URL and works without script.
// A class made from an LMS course has one more: the grades sent to the LMS.
// PageLinks, not prefetched: every class page is rendered per request, so a prefetch brings back
// only the route's outline, while their seven or eight prefetches were about a fifth of the
// progress page's main-thread work on a phone at every load (docs/benchmarks.md, "The first
// Intl formatter").
import { PageLink } from "@/components/ui/PageLink";
import { isLmsClass } from "@/server/lti/ags-store";

const TABS = [
  { path: "", label: "Progress" },
  { path: "/items", label: "Item analysis" },
  { path: "/gain", label: "Learning gain" },
  { path: "/written", label: "Written answers" },
  { path: "/due-dates", label: "Due dates" },
  { path: "/roster", label: "Roster and join code" },
] as const;

const LMS_TAB = { path: "/lms-grades", label: "Grades sent to the LMS" } as const;

/** "student": a student's page (no tab of its own). */
export type ClassTab = (typeof TABS)[number]["path"] | typeof LMS_TAB.path | "student";

export async function ClassNav({ classId, className, current }: { classId: string; className: string; current: ClassTab }) {
  const tabs = (await isLmsClass(classId)) ? [...TABS, LMS_TAB] : TABS;
  return (
    <>
      <p>
        <PageLink href="/instructor">← Your classes</PageLink>
      </p>
      <h1>{className}</h1>
      <nav aria-label="Class pages">
        <ul className="tabs">
          {tabs.map((t) => (
            <li key={t.path}>
              <PageLink href={`/instructor/classes/${classId}${t.path}`} aria-current={current === t.path ? "page" : undefined}>
                {t.label}
              </PageLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
