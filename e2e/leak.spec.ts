// Answer keys never reach the browser before submission: not in the HTML, not in the RSC
// payload, not in any script the page loads. For every unit, every question type. (That an
// untouched question, such as an ordering in its shown order, never scores full marks is
// checked for the whole course in questions/registry.test.ts.)
import { expect, test } from "@playwright/test";
import { accounts, getCourseForTests, signInAs } from "./fixtures";
import type { QuestionDefinition } from "../questions";
import { choicesOf, rubricOf } from "../questions/server";

/** Strings that would give an answer away: feedback, explanations, written answers' exemplars, and key markers. */
function secretsOf(q: QuestionDefinition): string[] {
  const feedback = [...choicesOf(q).map((c) => c.feedback), ...Object.values(rubricOf(q)?.exemplars ?? {})];
  const explanation = q.explanationHtml.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  // Long enough not to occur in the lesson prose by chance; compared without markup.
  return [...feedback, explanation.slice(0, 80)].filter((s) => s.length >= 24).map((s) => s.slice(0, 60));
}

const normalise = (s: string) =>
  s
    .replace(/\\u0026/g, "&")
    .replace(/&amp;/g, "&")
    .replace(/&quot;|&#x27;|&#39;|\\"/g, '"')
    .replace(/<!-- -->/g, "")
    .replace(/\s+/g, " ");

test("no unit page ships correct answers, feedback or explanations", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, accounts.student2);
  const { lessons } = await getCourseForTests();
  let checkedQuestions = 0;
  for (const lesson of lessons) {
    const bodies: string[] = [];
    const onResponse = async (res: import("@playwright/test").Response) => {
      const type = res.headers()["content-type"] ?? "";
      if (/javascript|text\/x-component|text\/html|json/.test(type)) bodies.push(await res.text().catch(() => ""));
    };
    page.on("response", onResponse);
    await page.goto(`/lessons/${lesson.slug}`);
    await expect(page.locator("h1")).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.keyboard.press("Tab"); // a student's first key press loads every quiz on the page
    await page.waitForLoadState("networkidle");
    await expect(page.locator('section.quiz[aria-busy="true"]')).toHaveCount(0);
    page.off("response", onResponse);
    // The RSC payload, as a client-side navigation would fetch it.
    const rsc = await page.request.get(`/lessons/${lesson.slug}`, { headers: { RSC: "1" } });
    bodies.push(await rsc.text());
    const everything = normalise(bodies.join("\n"));

    expect(everything, `${lesson.slug}: no "correct" key marker`).not.toMatch(/"correct"\s*:\s*true|\bcorrect:\s*!0|"category"\s*:|"discern"\s*:|"feedback"\s*:|"explanationHtml"\s*:|"exemplars"\s*:/);
    for (const quiz of lesson.quizzes) {
      for (const q of quiz.questions) {
        for (const secret of secretsOf(q)) {
          expect(everything.includes(normalise(secret)), `${lesson.slug} / ${q.id} leaks: "${secret}"`).toBe(false);
        }
        checkedQuestions++;
      }
    }
    // The page does show the prompts and options, so the check above is looking in the right place.
    // (Each student's own copy of a quiz comes as JSON from /api/quiz-status: on an assessment,
    // their own form, which may be the other unit's quiz.)
    const shownIds = await page.locator("[data-quiz-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-quiz-id")));
    const shownQuiz = lessons.flatMap((l) => l.quizzes).find((q) => q.id === shownIds[0]);
    if (shownQuiz) expect(everything).toContain(normalise(choicesOf(shownQuiz.questions[0])[0].text).slice(0, 30));
  }
  expect(checkedQuestions).toBeGreaterThan(50);
});
