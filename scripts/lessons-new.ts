// `npm run lessons:new -- "Title"`: writes lessons/NN-title.mdx with frontmatter, a content
// note, a section and a sample quiz. It is a draft (only authors see it) and passes the check.
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findLessons, LESSONS_DIR } from "../server/content/lessons";

const title = process.argv.slice(2).join(" ").trim();
if (!title) {
  console.error('Give the unit a title: npm run lessons:new -- "How headlines frame a story"');
  process.exit(1);
}
const slug = title
  .toLowerCase()
  .normalize("NFKD")
  .replace(/[^a-z0-9]+/g, "-")
  .replace(/^-+|-+$/g, "")
  .slice(0, 50)
  .replace(/-+$/, "");
if (!slug) {
  console.error("The title needs at least one letter or digit.");
  process.exit(1);
}

const { entries } = await findLessons();
if (entries.some((e) => e.slug === slug)) {
  console.error(`A unit called "${slug}" already exists.`);
  process.exit(1);
}
// Units are numbered after the last unit below 90 (the post-assessment sits at 90).
const order = Math.max(0, ...entries.filter((e) => e.order < 90).map((e) => e.order)) + 1;
const file = path.join(LESSONS_DIR, `${String(order).padStart(2, "0")}-${slug}.mdx`);
if (existsSync(file)) {
  console.error(`${file} already exists.`);
  process.exit(1);
}
const yamlTitle = JSON.stringify(title);

writeFileSync(
  file,
  `---
title: ${yamlTitle}
summary: One or two sentences that tell a student what this unit is about.
objectives:
  - Say what a student can do after this unit
minutes: 30
sources: []
draft: true
quiz:
  passMark: 70
  maxAttempts: 3
  reveal: after-pass-or-last
---

<ContentNote>

Say what difficult subjects this unit touches, and that it contains no images and no detail of how attacks were carried out.

</ContentNote>

## First section

Write your teaching here in short sections. Quote sources briefly, in a SourceCard (see lessons/README.md).

<Callout title="Key idea">

One sentence a student should remember.

</Callout>

<Quiz id="${slug}-quiz">

<Question id="${slug}-first" type="single">

Write the question here.

<Option correct feedback="Explain why this is right.">The right answer</Option>
<Option feedback="Explain why this is not right.">A tempting wrong answer</Option>

<Explanation>

Explain the reasoning, shown after the student submits.

</Explanation>
</Question>

</Quiz>
`,
);
console.log(`Wrote ${path.relative(process.cwd(), file)} (a draft: only authors and admins see it).`);
console.log("Next: npm run lessons:check, then npm run dev to preview it.");
