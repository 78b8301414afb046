import "server-only";
// Learning gain: each student's pre-assessment against their post-assessment, and how well
// they tell credible material from weak (sensitivity d′) apart from a general lean to doubt or
// to believe (bias c), before and after (server/grading/discernment.ts). Students take the two
// forms in either order (server/quiz/forms.ts), so the class figures are also given per order:
// a difference between the forms shows there, not as learning. Only the first attempt at each
// counts (the assessments allow one; a retake would measure the feedback, not the course).
import { db } from "@/server/db";
import type { Student } from "./classes";
import { classGain, gain, mean, type ClassGain, type Gain } from "./stats";
import { isFinal } from "@/server/written/rules";

export type Assessment = { fraction: number; trust: number | null; doubt: number | null; sensitivity: number | null; bias: number | null };
export type FormOrderLabel = "AB" | "BA";
/** `awaiting`: an assessment taken whose written answer is not scored yet: its score is not final, so it counts nowhere yet. */
export type StudentGain = { student: Student; order: FormOrderLabel | null; pre: Assessment | null; post: Assessment | null; gain: Gain | null; awaiting: ("pre" | "post")[] };
/** Class means, pre and post, over the students who took both. */
export type Discernment = {
  trustPre: number | null;
  trustPost: number | null;
  doubtPre: number | null;
  doubtPost: number | null;
  sensitivityPre: number | null;
  sensitivityPost: number | null;
  biasPre: number | null;
  biasPost: number | null;
};
export type OrderGain = { order: FormOrderLabel; class: ClassGain; discernment: Discernment };

export async function gainReport(students: readonly Student[]): Promise<{ rows: StudentGain[]; class: ClassGain; discernment: Discernment; byOrder: OrderGain[] }> {
  const attempts = await db.quizAttempt.findMany({
    where: { userId: { in: students.map((s) => s.id) }, kind: { in: ["pre", "post"] }, attemptNumber: 1 },
    select: {
      userId: true,
      kind: true,
      fraction: true,
      trustFraction: true,
      doubtFraction: true,
      sensitivity: true,
      bias: true,
      pendingCount: true,
      user: { select: { assessmentOrder: true } },
    },
  });
  const byStudent = new Map<string, { pre?: Assessment; post?: Assessment; order?: string | null; awaiting?: ("pre" | "post")[] }>();
  for (const a of attempts) {
    const entry = byStudent.get(a.userId) ?? {};
    const kind = a.kind as "pre" | "post";
    if (isFinal(a)) entry[kind] = { fraction: a.fraction, trust: a.trustFraction, doubt: a.doubtFraction, sensitivity: a.sensitivity, bias: a.bias };
    else entry.awaiting = [...(entry.awaiting ?? []), kind];
    entry.order = a.user.assessmentOrder;
    byStudent.set(a.userId, entry);
  }
  const rows: StudentGain[] = students.map((student) => {
    const { pre = null, post = null, order = null, awaiting = [] } = byStudent.get(student.id) ?? {};
    return { student, order: order === "AB" || order === "BA" ? order : null, pre, post, gain: pre && post ? gain(pre.fraction, post.fraction) : null, awaiting };
  });
  const summary = (these: StudentGain[]) => {
    const both = these.filter((r) => r.gain);
    const meanOf = (pick: (r: StudentGain) => number | null | undefined) => mean(both.flatMap((r) => (pick(r) == null ? [] : [pick(r)!])));
    return {
      class: classGain(both.map((r) => r.gain!)),
      discernment: {
        trustPre: meanOf((r) => r.pre?.trust),
        trustPost: meanOf((r) => r.post?.trust),
        doubtPre: meanOf((r) => r.pre?.doubt),
        doubtPost: meanOf((r) => r.post?.doubt),
        sensitivityPre: meanOf((r) => r.pre?.sensitivity),
        sensitivityPost: meanOf((r) => r.post?.sensitivity),
        biasPre: meanOf((r) => r.pre?.bias),
        biasPost: meanOf((r) => r.post?.bias),
      },
    };
  };
  const orders: FormOrderLabel[] = ["AB", "BA"];
  return { rows, ...summary(rows), byOrder: orders.map((order) => ({ order, ...summary(rows.filter((r) => r.order === order)) })) };
}
