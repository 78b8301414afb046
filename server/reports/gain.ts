import "server-only";
// Learning gain: each student's pre-assessment against their post-assessment. Only the first
// attempt at each counts (the assessments allow one attempt; if a policy ever allows more,
// a retake would measure the feedback, not the course).
import { db } from "@/server/db";
import type { Student } from "./classes";
import { classGain, gain, mean, type ClassGain, type Gain } from "./stats";

type Assessment = { fraction: number; trust: number | null; doubt: number | null };
export type StudentGain = { student: Student; pre: Assessment | null; post: Assessment | null; gain: Gain | null };
export type Discernment = { trustPre: number | null; trustPost: number | null; doubtPre: number | null; doubtPost: number | null };

export async function gainReport(students: readonly Student[]): Promise<{ rows: StudentGain[]; class: ClassGain; discernment: Discernment }> {
  const attempts = await db.quizAttempt.findMany({
    where: { userId: { in: students.map((s) => s.id) }, kind: { in: ["pre", "post"] }, attemptNumber: 1 },
    select: { userId: true, kind: true, fraction: true, trustFraction: true, doubtFraction: true },
  });
  const byStudent = new Map<string, { pre?: Assessment; post?: Assessment }>();
  for (const a of attempts) {
    const entry = byStudent.get(a.userId) ?? {};
    entry[a.kind as "pre" | "post"] = { fraction: a.fraction, trust: a.trustFraction, doubt: a.doubtFraction };
    byStudent.set(a.userId, entry);
  }
  const rows = students.map((student) => {
    const { pre = null, post = null } = byStudent.get(student.id) ?? {};
    return { student, pre, post, gain: pre && post ? gain(pre.fraction, post.fraction) : null };
  });
  const both = rows.filter((r) => r.gain);
  const meanOf = (pick: (r: StudentGain) => number | null | undefined) => mean(both.flatMap((r) => (pick(r) == null ? [] : [pick(r)!])));
  return {
    rows,
    class: classGain(both.map((r) => r.gain!)),
    discernment: {
      trustPre: meanOf((r) => r.pre?.trust),
      trustPost: meanOf((r) => r.post?.trust),
      doubtPre: meanOf((r) => r.pre?.doubt),
      doubtPost: meanOf((r) => r.post?.doubt),
    },
  };
}
