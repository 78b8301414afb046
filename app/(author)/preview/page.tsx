// The author's list of units: every unit in course order, drafts included, each with its file,
// whether students see it, and whether the lesson check found problems; each opens in the
// preview, which shows the quizzes whole (key, every option's feedback) and stores nothing.
import type { Metadata } from "next";
import { PageLink } from "@/components/ui/PageLink";
import { unitLabels } from "@/lib/units";
import { requireAuthor } from "@/server/access";
import { getCourse, summarise } from "@/server/content/course";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Units", robots: { index: false } };

export default async function PreviewListPage() {
  await requireAuthor();
  const lessons = await getCourse();
  const units = lessons.map(summarise);
  const labels = unitLabels(units);
  return (
    <div className="course">
      <h1>Units</h1>
      <p>
        Every unit in <code>lessons/</code>, in course order. Drafts (<code>draft: true</code>) are seen only by authors and admins.
        Open one to preview it with its answer keys; previews store no attempts. <code>npm run lessons:check</code> lists the
        problems by file and line.
      </p>
      <ol className="unit-list">
        {units.map((unit, i) => (
          <li key={unit.slug} className="unit-card">
            <h2 className="unit-card__title">
              <PageLink href={`/preview/${unit.slug}`}>
                {labels[i].number !== null ? `${labels[i].number}. ` : null}
                {unit.title}
              </PageLink>
            </h2>
            <p className="unit-card__meta">
              <code>{lessons[i].file}</code> · <span className="status">{unit.draft ? "Draft: authors only" : "Published"}</span>
              {unit.broken ? (
                <span>
                  {" "}
                  · {lessons[i].problems.length} problem{lessons[i].problems.length === 1 ? "" : "s"}
                </span>
              ) : null}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
