// The sources a unit draws on (its frontmatter `sources:`), listed at its end as references:
// outlet, title, date and kind, the title a link to the original where lessons/sources.yaml
// gives its address.
import { getSources } from "@/server/content/course";
import { SOURCE_KINDS } from "@/server/content/sources";

export async function UnitSources({ ids }: { ids: readonly string[] }) {
  if (ids.length === 0) return null;
  const all = await getSources();
  const listed = ids.flatMap((id) => (all[id] ? [{ id, ...all[id] }] : []));
  return (
    <section className="unit-sources" aria-labelledby="unit-sources">
      <h2 id="unit-sources">Sources this unit draws on</h2>
      <ol>
        {listed.map((s) => (
          <li key={s.id}>
            {s.outlet}
            {s.title ? (
              <>
                {", "}
                {s.url ? (
                  <a href={s.url} rel="noopener noreferrer">
                    “{s.title}”<span className="visually-hidden"> (the original, on another site)</span>
                  </a>
                ) : (
                  <>“{s.title}”</>
                )}
              </>
            ) : null}
            {s.date ? `, ${s.date}` : ""}
            {s.kind ? <span className="muted"> · {SOURCE_KINDS[s.kind]}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
