// The answer-key cues the lesson check warns about, on hand-built questions.
import { describe, expect, it } from "vitest";
import type { ChoiceOption } from "@/questions/choice/types";
import type { QuestionDefinition } from "@/server/content/quiz-types";
import { absoluteWords, cueSummary, cueWarnings, keyPositions, longestKey, trueFalseBalance } from "./cues";
import type { LocatedQuestion } from "./graded";

const base = { quizId: "q", promptHtml: "", promptText: "Which?", explanationHtml: "" };
const opt = (n: number, text: string, correct = false): ChoiceOption => ({ id: `o${n}`, text, correct, feedback: "f" });

/** A single-choice question at line `line`, key at `keyAt` (0-based), the key text `keyText`. */
function single(line: number, keyAt: number, keyText = "the key"): LocatedQuestion {
  const texts = ["first distractor", "second distractor", "third distractor", "fourth distractor"];
  const options = texts.map((t, i) => (i === keyAt ? opt(i + 1, keyText, true) : opt(i + 1, t)));
  const question: QuestionDefinition = { ...base, id: `s${line}`, type: "single", options };
  return { file: "lessons/01-x.mdx", line, question };
}

function truefalse(line: number, key: "True" | "False"): LocatedQuestion {
  const question: QuestionDefinition = { ...base, id: `tf${line}`, type: "truefalse", options: [opt(1, "True", key === "True"), opt(2, "False", key === "False")] };
  return { file: "lessons/02-y.mdx", line, question };
}

describe("longest key", () => {
  it("counts keys at least as long as every other option, against 1 in n by chance", () => {
    const qs = [single(10, 0, "the key, which is clearly the longest option"), single(20, 1, "short")];
    const lk = longestKey(qs);
    expect(lk.offenders.map((q) => q.line)).toEqual([10]);
    expect(lk.total).toBe(2);
    expect(lk.expected).toBeCloseTo(0.5, 10);
  });

  it("warns at each offending question only when the course is well above chance", () => {
    const long = "the key, which is clearly the longest option";
    const cued = [single(10, 0, long), single(20, 1, long), single(30, 2, long), single(40, 3, "short")];
    const warnings = cueWarnings(cued).filter((w) => w.message.includes("longest"));
    expect(warnings.map((w) => w.line)).toEqual([10, 20, 30]);
    expect(warnings[0].message).toMatch(/^warning: the key is the longest option, as in 3 of 4 single-choice questions \(75%; chance: about 25%\)/);
    const fair = [single(10, 0, long), single(20, 1, "short"), single(30, 2, "short"), single(40, 3, "short")];
    expect(cueWarnings(fair).filter((w) => w.message.includes("longest"))).toEqual([]);
  });
});

describe("true/false balance", () => {
  it("warns at the questions of the over-used key", () => {
    const qs = [truefalse(1, "False"), truefalse(2, "False"), truefalse(3, "False"), truefalse(4, "True")];
    const tf = trueFalseBalance(qs);
    expect([tf.keyedTrue.length, tf.keyedFalse.length]).toEqual([1, 3]);
    // 3 to 1 differs by 2 and is 75%: warn at the three False keys.
    expect(cueWarnings(qs).map((w) => `${w.file}:${w.line}`)).toEqual(["lessons/02-y.mdx:1", "lessons/02-y.mdx:2", "lessons/02-y.mdx:3"]);
    expect(cueWarnings([truefalse(1, "False"), truefalse(2, "True"), truefalse(3, "False")])).toEqual([]);
  });
});

describe("key positions", () => {
  it("counts keys by position and warns when one position holds far more than chance", () => {
    const crowded = [0, 1, 1, 1, 1, 1, 1, 2].map((at, i) => single(i * 10 + 10, at));
    const kp = keyPositions(crowded);
    expect(kp.byPosition.map((qs) => qs.length)).toEqual([1, 6, 1, 0]);
    expect(kp.expected).toEqual([2, 2, 2, 2]);
    const warnings = cueWarnings(crowded).filter((w) => w.message.includes("option 2"));
    expect(warnings).toHaveLength(6);
    expect(warnings[0].message).toContain("6 of 8 single-choice keys are option 2 (chance: about 2)");
    const spread = [0, 1, 2, 3, 0, 1, 2, 3].map((at, i) => single(i * 10 + 10, at));
    expect(cueWarnings(spread)).toEqual([]);
  });
});

describe("absolute words", () => {
  it("warns where only wrong options speak in absolutes", () => {
    const q = (line: number, keyText: string, wrongText: string): LocatedQuestion => ({
      file: "lessons/03-z.mdx",
      line,
      question: { ...base, id: `a${line}`, type: "single", options: [opt(1, keyText, true), opt(2, wrongText), opt(3, "a plain option")] },
    });
    const cued = [q(1, "a careful reading", "claims are always lies"), q(2, "a careful reading", "it proves nothing")];
    const aw = absoluteWords(cued);
    expect([aw.keysWith, aw.keys, aw.distractorsWith, aw.distractors]).toEqual([0, 2, 2, 4]);
    expect(cueWarnings(cued).filter((w) => w.message.includes("absolutes")).map((w) => w.line)).toEqual([1, 2]);
    const balanced = [q(1, "it never says who counted", "claims are always lies"), q(2, "a careful reading", "a plain wrong one")];
    expect(cueWarnings(balanced).filter((w) => w.message.includes("absolutes"))).toEqual([]);
  });
});

describe("the summary line", () => {
  it("states every cue, warnings or not", () => {
    const summary = cueSummary([single(10, 0), truefalse(1, "True")]);
    expect(summary).toContain("key is the longest option in 0 of 1 single-choice questions");
    expect(summary).toContain("true/false keys: 1 True, 0 False");
    expect(summary).toContain("key positions: 1:1 2:0 3:0 4:0");
  });
});
