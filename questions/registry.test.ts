// The question-type registries agree with each other, and every question in the course
// behaves as the contract says, whatever its type: the key scores full marks, an untouched
// question never does (an ordering left in its shown order included), a slip scores less,
// and every response reads back in words.
import { describe, expect, it } from "vitest";
import { checkCourse } from "@/server/content/lessons";
import { QUESTION_PARTS, QUESTION_TYPES, type QuestionDefinition } from "./index";
import { CLIENT_TYPES, clientType } from "./client";
import { DRIVERS } from "./drivers";
import { answerKey, choicesOf, describeResponse, emptyResponse, gradeQuestion, isReviewed, NO_ANSWER, responseError, reviewScore, rubricOf, sampleResponse, SERVER_TYPES, tallyResponses, toPublicQuestion } from "./server";

describe("the registries", () => {
  it("list the same types, each under its own name", () => {
    for (const registry of [QUESTION_PARTS, SERVER_TYPES, CLIENT_TYPES, DRIVERS]) expect(Object.keys(registry).sort()).toEqual([...QUESTION_TYPES].sort());
    for (const [name, module] of Object.entries(SERVER_TYPES)) expect(module.type).toBe(name);
    for (const [name, module] of Object.entries(CLIENT_TYPES)) expect(module.type).toBe(name);
  });
});

describe("every question of the course", async () => {
  const { lessons } = await checkCourse();
  const questions: QuestionDefinition[] = lessons.flatMap((l) => l.quizzes.flatMap((quiz) => quiz.questions));
  const seeded = () => {
    let state = 42;
    return () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  };

  it("covers every type", () => {
    expect(new Set(questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
  });

  it.each(questions.filter(isReviewed).map((q) => [q.id, q] as const))("%s (scored by a person)", (_id, q) => {
    const random = seeded();
    // A written answer waits for the instructor; an empty one scores 0 and waits for no one.
    expect(gradeQuestion(q, sampleResponse(q, true, random))).toEqual({ score: 0, maxScore: 1, correct: false, pending: true });
    expect(gradeQuestion(q, emptyResponse(q))).toEqual({ score: 0, maxScore: 1, correct: false });
    expect(describeResponse(q, emptyResponse(q))).toBe(NO_ANSWER);
    // The rubric's top level is full marks, its lowest 0; each level has an exemplar for instructors.
    const { levels, exemplars } = rubricOf(q)!;
    expect(reviewScore(q, levels.at(-1)!.id)).toEqual({ score: 1, maxScore: 1, correct: true });
    expect(reviewScore(q, levels[0].id)?.score).toBe(0);
    expect(reviewScore(q, "no-such-level")).toBeNull();
    expect(Object.keys(exemplars).sort()).toEqual(levels.map((l) => l.id).sort());
    // The student's copy carries the rubric, never an exemplar.
    const shown = JSON.stringify(toPublicQuestion(q));
    for (const text of Object.values(exemplars)) expect(shown).not.toContain(text.slice(0, 40));
  });

  it.each(questions.filter((q) => !isReviewed(q)).map((q) => [q.id, q] as const))("%s", (_id, q) => {
    const key = answerKey(q);
    expect(responseError(q, key)).toBeNull();
    expect(gradeQuestion(q, key)).toEqual({ score: 1, maxScore: 1, correct: true });
    // Untouched: what the browser would send if the student changed nothing.
    const shown = toPublicQuestion(q);
    const untouched = clientType(shown).initial(shown) ?? emptyResponse(q);
    expect(gradeQuestion(q, untouched).score).toBeLessThan(1);
    const random = seeded();
    expect(gradeQuestion(q, sampleResponse(q, true, random)).score).toBe(1);
    expect(gradeQuestion(q, sampleResponse(q, false, random)).score).toBeLessThan(1);
    expect(describeResponse(q, key)).not.toBe(NO_ANSWER);
    expect(describeResponse(q, emptyResponse(q))).toBe(NO_ANSWER);
    expect(tallyResponses(q, [key, null]).unanswered).toBe(1);
    // The browser can name every choice and say the key in words.
    for (const c of choicesOf(q)) expect(c.feedback, `${q.id}/${c.id} has feedback`).not.toBe("");
    expect(clientType(shown).keyText(shown, key)).not.toBe("");
  });
});
