// The lesson pipeline: quizzes are split from the page, the public quiz carries no key, and
// the checker reports each kind of mistake with its place.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkCourse } from "./lessons";
import { toPublicQuiz } from "./public-quiz";
import type { Shuffle } from "@/questions/contract";
import { seededShuffle } from "@/server/quiz/order";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const SOURCES = `seed-003:\n  title: CNN report\n  outlet: CNN\n  date: "13 June 2016"\n  kind: network-report\n`;
const FRONTMATTER = `---
title: A test unit
summary: A unit written for the tests of the lesson checker.
objectives:
  - Check that the checker works
minutes: 10
sources: [seed-003]
---
`;
const QUESTION = `<Question id="q-one" type="single">

Which is right?

<Option correct feedback="Yes, because.">Right</Option>
<Option feedback="No, because.">Wrong</Option>

<Explanation>

The reason.

</Explanation>
</Question>`;
const GOOD = `${FRONTMATTER}
<ContentNote>

A note.

</ContentNote>

## A section

<SourceCard source="seed-003">

A quote.

</SourceCard>

<Quiz id="test-quiz">
${QUESTION}
</Quiz>
`;

/** Writes units into a fresh lessons folder and checks it. */
async function check(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "bth-lessons-"));
  dirs.push(dir);
  writeFileSync(path.join(dir, "sources.yaml"), SOURCES);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  const result = await checkCourse(dir);
  return { ...result, messages: result.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.column} ${p.message}`) };
}

describe("a well-formed unit", () => {
  it("compiles, with its quiz taken out of the page", async () => {
    const { lessons, problems } = await check({ "01-good.mdx": GOOD, "02-folder/index.mdx": GOOD.replace(/q-one/g, "q-two").replace("test-quiz", "test-quiz-2") });
    expect(problems).toEqual([]);
    expect(lessons.map((l) => l.slug)).toEqual(["good", "folder"]);
    const [lesson] = lessons;
    expect(lesson.quizzes).toHaveLength(1);
    expect(lesson.quizzes[0].questions[0]).toMatchObject({ id: "q-one", type: "single", promptText: "Which is right?" });
    expect(lesson.code).not.toContain("Yes, because.");
    expect(lesson.code).not.toContain("The reason.");
    expect(lesson.code).toContain("test-quiz");
  });

  it("sends the browser prompts and options only", async () => {
    const { lessons } = await check({ "01-good.mdx": GOOD });
    const json = JSON.stringify(toPublicQuiz(lessons[0].quizzes[0]));
    expect(json).toContain("Which is right?");
    expect(json).toContain("Wrong");
    for (const secret of ["correct", "feedback", "Yes, because.", "The reason.", "explanation"]) expect(json).not.toContain(secret);
  });

  it("keeps an option's lean on the server", async () => {
    const { lessons, problems } = await check({ "01-good.mdx": GOOD.replace("<Option correct ", '<Option lean="trust" correct ').replace('<Option feedback="No', '<Option lean="doubt" feedback="No') });
    expect(problems).toEqual([]);
    const q = lessons[0].quizzes[0].questions[0];
    expect(q.type === "single" && q.options.map((o) => o.lean)).toEqual(["trust", "doubt"]);
    const json = JSON.stringify(toPublicQuiz(lessons[0].quizzes[0]));
    for (const secret of ["lean", "trust", "doubt"]) expect(json).not.toContain(secret);
  });
});

describe("what a student's copy of a question tells", () => {
  const unit = GOOD.replace(
    QUESTION,
    `<Question id="order-me" type="ordering">\n\nOrder them.\n\n<Item feedback="f1">one</Item>\n<Item feedback="f2">two</Item>\n<Item feedback="f3">three</Item>\n\n<Explanation>\n\nBecause.\n\n</Explanation>\n</Question>`,
  );

  it("ids say nothing of the authored order, so nothing of an ordering's key", async () => {
    const { lessons, problems } = await check({ "01-order.mdx": unit });
    expect(problems).toEqual([]);
    const q = lessons[0].quizzes[0].questions[0];
    if (q.type !== "ordering") throw new Error("expected ordering");
    expect(q.items.map((i) => i.text)).toEqual(["one", "two", "three"]);
    const ids = q.items.map((i) => i.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids).not.toEqual([...ids].sort());
    for (const id of ids) expect(id).toMatch(/^i[A-Za-z0-9]{6}$/);
  });

  it("is never shown in the correct order, whatever the student's shuffle", async () => {
    const { lessons } = await check({ "01-order.mdx": unit });
    const keep: Shuffle = (items) => [...items];
    for (const shuffle of [keep, seededShuffle(1), seededShuffle(2), seededShuffle(3)]) {
      const shown = toPublicQuiz(lessons[0].quizzes[0], { shuffle: () => shuffle }).questions[0];
      if (shown.type !== "ordering") throw new Error("expected ordering");
      expect(shown.items.map((i) => i.text)).not.toEqual(["one", "two", "three"]);
    }
  });
});

describe("the lesson check reports each mistake where it is", () => {
  const cases: [string, string, RegExp][] = [
    ["no frontmatter", GOOD.replace(FRONTMATTER, ""), /:1:1 The unit has no frontmatter/],
    ["missing title", GOOD.replace("title: A test unit\n", ""), /:2:1 Frontmatter field "title" is required/],
    ["minutes not a number", GOOD.replace("minutes: 10", "minutes: ten"), /:6:10 Frontmatter field "minutes" should be a whole number/],
    ["unknown frontmatter field", GOOD.replace("minutes: 10", "minutes: 10\ncolour: red"), /Unknown frontmatter field "colour"/],
    ["colon in an objective", GOOD.replace("- Check that the checker works", "- Check: that the checker works"), /:5:5 .*because of a colon/],
    ["pass mark out of range", GOOD.replace("minutes: 10", "minutes: 10\nquiz:\n  passMark: 150"), /"quiz.passMark"/],
    ["unknown source in frontmatter", GOOD.replace("[seed-003]", "[seed-999]"), /:7:11 Source "seed-999" is not in lessons\/sources.yaml/],
    ["unknown source on a card", GOOD.replace('<SourceCard source="seed-003">', '<SourceCard source="nowhere">'), /:18:1 Source "nowhere" is not in/],
    ["unknown component", GOOD.replace("## A section", "<Chart />"), /:16:1 Unknown component <Chart>/],
    ["unknown attribute", GOOD.replace("<ContentNote>", '<ContentNote tone="dark">'), /:10:1 <ContentNote> has an unknown attribute "tone"/],
    ["MDX syntax error", GOOD.replace("## A section", "<Callout>\n\nunclosed"), /MDX could not be read/],
    ["no correct option", GOOD.replace("<Option correct ", "<Option "), /Question "q-one" needs exactly one option marked correct \(it has 0\)/],
    ["two correct options in single choice", GOOD.replace('<Option feedback="No', '<Option correct feedback="No'), /needs exactly one option marked correct \(it has 2\)/],
    ["only one option", GOOD.replace('<Option feedback="No, because.">Wrong</Option>', ""), /needs at least two options/],
    ["option without feedback", GOOD.replace('<Option feedback="No, because.">', "<Option>"), /<Option> needs a "feedback" attribute/],
    ["no explanation", GOOD.replace(/<Explanation>[\s\S]*<\/Explanation>/, ""), /needs exactly one <Explanation>/],
    ["unknown question type", GOOD.replace('type="single"', 'type="essay"'), /unknown type "essay"/],
    ["bad question id", GOOD.replace('id="q-one"', 'id="Q One"'), /must be lower-case words/],
    ["no graded quiz", GOOD.replace('<Quiz id="test-quiz">', '<Quiz id="test-quiz" practice>'), /exactly one graded <Quiz>/],
    ["no content note", GOOD.replace(/<ContentNote>[\s\S]*?<\/ContentNote>/, ""), /starts with a <ContentNote>/],
    ["option outside a quiz", GOOD.replace("## A section", '<Option feedback="x">stray</Option>'), /<Option> belongs inside a <Quiz>/],
    ["curly braces", GOOD.replace("## A section", "Costs {1 + 1} pounds"), /Curly braces start code/],
    ["import", GOOD.replace("## A section", 'import x from "y"'), /cannot import or export code/],
    ["categorise item in an unknown group", GOOD.replace(QUESTION, `<Question id="cat" type="categorise">\n\nSort.\n\n<Category id="a">A</Category>\n<Category id="b">B</Category>\n\n<Item category="c" feedback="f">x</Item>\n<Item category="a" feedback="f">y</Item>\n\n<Explanation>\n\nE.\n\n</Explanation>\n</Question>`), /item category "c" is not one of the question's categories/],
    ["option with an unknown lean", GOOD.replace("<Option correct ", '<Option lean="maybe" correct '), /option 1 has lean="maybe"; use "trust" or "doubt"/],
    ["highlight without a correct phrase", GOOD.replace(QUESTION, `<Question id="hl" type="highlight">\n\nFind it.\n\n<Passage>\nSome <Phrase feedback="f">words</Phrase> here.\n</Passage>\n\n<Explanation>\n\nE.\n\n</Explanation>\n</Question>`), /mark at least one <Phrase> correct/],
    ...(() => {
      const written = (body: string) => GOOD.replace(QUESTION, `<Question id="wr" type="written">\n\nExplain.\n\n${body}\n\n<Explanation>\n\nE.\n\n</Explanation>\n</Question>`);
      const levels = `<Level id="beginning" points="0">Surface.</Level>\n<Level id="mastery" points="2">Traces it.</Level>`;
      return [
        ["written without a rubric", written(""), /Question "wr" needs a rubric of at least two <Level>s/],
        ["written level without points", written(`<Level id="beginning">Surface.</Level>\n<Level id="mastery" points="2">Traces it.</Level>`), /<Level> needs a "points" attribute/],
        ["written levels with the same points", written(`<Level id="beginning" points="0">S.</Level>\n<Level id="mastery" points="0">T.</Level>`), /two levels have the same points/],
        ["written lowest level above 0", written(`<Level id="emerging" points="1">S.</Level>\n<Level id="mastery" points="2">T.</Level>`), /the lowest level must be worth 0 points/],
        ["written level without a descriptor", written(`<Level id="beginning" points="0"></Level>\n<Level id="mastery" points="2">T.</Level>`), /level "beginning" needs a descriptor/],
        ["written exemplar of no level", written(`${levels}\n<Exemplar level="emerging">An answer.</Exemplar>`), /<Exemplar level="emerging"> names no <Level>/],
        ["written answer box too small", written(`<AnswerBox maxLength="5" />\n${levels}`), /maxLength must be a whole number of characters from 50 to 4000/],
      ] as [string, string, RegExp][];
    })(),
  ];
  it.each(cases)("%s", async (_name, text, expected) => {
    const { messages } = await check({ "01-unit.mdx": text });
    expect(messages.join("\n")).toMatch(expected);
    expect(messages.every((m) => /^01-unit\.mdx:\d+:\d+ /.test(m))).toBe(true);
  });

  it("reports ids used in two units, badly named files and a folder without index.mdx", async () => {
    const { messages } = await check({ "01-a.mdx": GOOD, "02-b.mdx": GOOD, "Notes.mdx": GOOD, "03-empty/readme.txt": "" });
    expect(messages.join("\n")).toMatch(/02-b\.mdx:1:1 The quiz id "test-quiz" is also used in/);
    expect(messages.join("\n")).toMatch(/02-b\.mdx:1:1 The question id "q-one" is also used in/);
    expect(messages.join("\n")).toMatch(/Notes\.mdx:1:1 "Notes\.mdx" is not a unit name/);
    expect(messages.join("\n")).toMatch(/03-empty:1:1 A unit folder needs an index\.mdx file/);
  });

  it("reports every problem at once", async () => {
    const broken = GOOD.replace("title: A test unit\n", "").replace('<SourceCard source="seed-003">', '<SourceCard source="nowhere">').replace("<Option correct ", "<Option ");
    const { messages } = await check({ "01-unit.mdx": broken });
    expect(messages.length).toBeGreaterThanOrEqual(3);
  });
});
