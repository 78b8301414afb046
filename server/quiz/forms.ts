import "server-only";
// Counterbalanced assessment forms. The course has two parallel forms, A and B (the graded
// quizzes of the two assessment units: `form: A` and `form: B` in their frontmatter). Each
// student takes one before the course (the "pre" unit) and the other after it ("post"), so
// that a difference between the forms cannot pass for learning: half a class takes A first,
// half B. The order is set on a student's first visit to an assessment and kept.
import { createHmac } from "node:crypto";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";
import { select } from "@/server/sql";

export type Form = "A" | "B";
export type FormOrder = "AB" | "BA";
export type Slot = "pre" | "post";

/** The form a student takes in a slot. */
export const formFor = (order: FormOrder, slot: Slot): Form => ((order === "AB") === (slot === "pre") ? "A" : "B");

/**
 * The order for a new student: the one fewer of their classmates have, so a class stays
 * balanced; on a tie, a coin that depends on the student (`heads`).
 */
export function balancedOrder(counts: Readonly<Record<FormOrder, number>>, heads: boolean): FormOrder {
  if (counts.AB !== counts.BA) return counts.AB < counts.BA ? "AB" : "BA";
  return heads ? "AB" : "BA";
}

const isOrder = (v: unknown): v is FormOrder => v === "AB" || v === "BA";

/**
 * The student's form order, set on first use: balanced within the first class they joined
 * (two students arriving at the same moment may both get the same order; the next ones even
 * it out). The write only fills an empty value, so it never changes an order once given.
 */
export async function formOrder(userId: string): Promise<FormOrder> {
  // Every assessment submission asks; once set, the order is all it needs (on the driver: server/sql.ts).
  const [user] = await select<{ assessmentOrder: string | null }>(Prisma.sql`SELECT "assessmentOrder" FROM "User" WHERE "id" = ${userId}`);
  if (isOrder(user?.assessmentOrder)) return user.assessmentOrder;
  const first = await db.enrollment.findFirst({ where: { userId }, orderBy: { createdAt: "asc" }, select: { classId: true } });
  const counts: Record<FormOrder, number> = { AB: 0, BA: 0 };
  if (first) {
    const groups = await db.user.groupBy({
      by: ["assessmentOrder"],
      where: { assessmentOrder: { in: ["AB", "BA"] }, enrollments: { some: { classId: first.classId } } },
      _count: { _all: true },
    });
    for (const g of groups) if (isOrder(g.assessmentOrder)) counts[g.assessmentOrder] = g._count._all;
  }
  const heads = createHmac("sha256", `form-order:${process.env.NEXTAUTH_SECRET ?? ""}`).update(userId).digest()[0] % 2 === 0;
  await db.user.updateMany({ where: { id: userId, assessmentOrder: null }, data: { assessmentOrder: balancedOrder(counts, heads) } });
  const stored = await db.user.findUnique({ where: { id: userId }, select: { assessmentOrder: true } });
  return isOrder(stored?.assessmentOrder) ? stored.assessmentOrder : balancedOrder(counts, heads);
}
