// The validity check on the real course: simulated students who have not learned the skill
// (./students.ts) answer every graded quiz and both assessments through the real grading code.
// None of them may reach 40%; the table of their scores is printed on every run.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { checkCourse, type CompiledLesson } from "@/server/content/lessons";
import { formatProblem } from "@/lib/problems";
import { gradedQuestions, gradedQuizzes } from "./graded";
import { STUDENTS, formatScoreTable, questionRows, scoreRows, type ScoreRow } from "./students";

/** A student who learned nothing must stay below this share on every graded quiz. */
const CEILING = 0.4;

let lessons: CompiledLesson[] = [];
let rows: ScoreRow[] = [];
let graded: ReturnType<typeof gradedQuizzes> = [];

beforeAll(async () => {
  const course = await checkCourse();
  expect(course.problems.map(formatProblem)).toEqual([]);
  lessons = course.lessons;
  graded = gradedQuizzes(lessons);
  rows = scoreRows(graded);
});

describe("simulated students on the course's graded quizzes", () => {
  it("covers every unit's graded quiz and both assessments", () => {
    expect(rows.length).toBe(lessons.length);
    expect(lessons.filter((l) => l.frontmatter?.kind === "assessment").length).toBe(2);
  });

  it(`keeps every simulated student below ${CEILING * 100}% on every graded quiz`, () => {
    console.log(`\nExpected score of each simulated student (exact, no sampling):\n${formatScoreTable(rows)}\n`);
    const over = rows.flatMap((r) =>
      r.scores.flatMap((s, i) => (s >= CEILING ? [`${r.quiz}: the ${STUDENTS[i].name} scores ${(s * 100).toFixed(1)}%`] : [])),
    );
    // Where the score comes from, question by question, for each quiz that fails (or all, with VALIDITY_DETAIL=1).
    rows.forEach((r, i) => {
      if (process.env.VALIDITY_DETAIL === "1" || r.scores.some((s) => s >= CEILING)) {
        console.log(`${r.quiz}, question by question:\n${formatScoreTable(questionRows(graded[i].quiz))}\n`);
      }
    });
    expect(over).toEqual([]);
  });

  it("locates every graded question at its <Question> tag, for the lesson check's warnings", () => {
    const located = gradedQuestions(lessons);
    expect(located.length).toBeGreaterThan(0);
    const misplaced = located.filter(({ file, line, question }) => !readFileSync(file, "utf8").split("\n")[line - 1]?.includes(`<Question id="${question.id}"`));
    expect(misplaced.map((q) => `${q.file}:${q.line} ${q.question.id}`)).toEqual([]);
  });
});
