// The tabs of a class's pages. Plain links: each page is its own URL and works without script.
import Link from "next/link";

const TABS = [
  { path: "", label: "Progress" },
  { path: "/items", label: "Item analysis" },
  { path: "/gain", label: "Learning gain" },
  { path: "/written", label: "Written answers" },
  { path: "/due-dates", label: "Due dates" },
  { path: "/roster", label: "Roster and join code" },
] as const;

/** "student": a student's page; "/lms-grades": grades sent to the LMS (linked from the progress page of a class made by an LMS course). */
export type ClassTab = (typeof TABS)[number]["path"] | "student" | "/lms-grades";

export function ClassNav({ classId, className, current }: { classId: string; className: string; current: ClassTab }) {
  return (
    <>
      <p>
        <Link href="/instructor">← Your classes</Link>
      </p>
      <h1>{className}</h1>
      <nav aria-label="Class pages">
        <ul className="tabs">
          {TABS.map((t) => (
            <li key={t.path}>
              <Link href={`/instructor/classes/${classId}${t.path}`} aria-current={current === t.path ? "page" : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
