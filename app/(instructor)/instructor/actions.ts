"use server";
// Instructor actions on classes. Who may do each: server/access.ts (teacher, then the class must
// be the asker's own); the guarded path every action takes: server/http/action.ts.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { classNameSchema } from "@/lib/validation";
import { ownClass, studentOfOwnClass, teacher } from "@/server/access";
import { createClass, disableJoinCode, removeStudent, rotateJoinCode } from "@/server/classes";
import { setReviewOpen } from "@/server/quiz/review";
import { pendingAnswers, recordReview } from "@/server/written/answers";
import { queueHref, reviewHref } from "@/lib/written";
import { formAction } from "@/server/http/action";

const classForm = z.object({ classId: z.string() });

export const createClassAction = formAction({ who: teacher, input: z.object({ name: classNameSchema }) }, async ({ asker, input: { name } }) => {
  const created = await createClass(asker.id, name);
  revalidatePath("/instructor");
  return { ok: true, message: `Created “${name}”. Students join with the code ${created.joinCode}.` };
});

export const rotateCodeAction = formAction({ who: teacher, input: classForm, owns: (user, { classId }) => ownClass(user, classId) }, async ({ owned: klass }) => {
  const { joinCode } = await rotateJoinCode(klass.id);
  revalidatePath(`/instructor/classes/${klass.id}/roster`);
  return { ok: true, message: `The new join code is ${joinCode}. The old code no longer works.` };
});

export const disableCodeAction = formAction({ who: teacher, input: classForm, owns: (user, { classId }) => ownClass(user, classId) }, async ({ owned: klass }) => {
  await disableJoinCode(klass.id);
  revalidatePath(`/instructor/classes/${klass.id}/roster`);
  return { ok: true, message: "Joining is switched off. Make a new code to switch it back on." };
});

export const removeStudentAction = formAction(
  { who: teacher, input: classForm.extend({ studentId: z.string() }), owns: (user, { classId, studentId }) => studentOfOwnClass(user, classId, studentId) },
  async ({ owned: { klass, student } }) => {
    await removeStudent(klass.id, student.id);
    revalidatePath(`/instructor/classes/${klass.id}`, "layout");
    // The row (and the form in it) is gone, so the confirmation goes on the page itself.
    redirect(`/instructor/classes/${klass.id}/roster?removed=1`);
  },
);

/**
 * Opens (or closes) the review of both assessment forms to the class's students who have
 * taken the post-assessment: their answers, the feedback and the correct answers.
 */
export const assessmentReviewAction = formAction(
  { who: teacher, input: classForm.extend({ open: z.enum(["open", "close"]) }), owns: (user, { classId }) => ownClass(user, classId) },
  async ({ owned: klass, input }) => {
    await setReviewOpen(klass.id, input.open === "open");
    revalidatePath(`/instructor/classes/${klass.id}/gain`);
    return {
      ok: true,
      message: input.open === "open" ? "The review is open: students who have taken the post-assessment can look back at both sets." : "The review is closed.",
    };
  },
);

/** The grading queue's filters and name setting, carried from one answer to the next. */
const queueForm = classForm.extend({
  unit: z.string().max(80).optional(),
  question: z.string().max(80).optional(),
  names: z.enum(["shown", "hidden"]).optional(),
});

/**
 * Scores a written answer with a level of its rubric (and a comment for the student), then
 * opens the next answer awaiting review in the same queue, or the queue when none is left.
 */
export const reviewAnswerAction = formAction(
  {
    who: teacher,
    input: queueForm.extend({
      answerId: z.string().min(1).max(64),
      level: z.string({ error: "Choose a level of the rubric." }).min(1, "Choose a level of the rubric.").max(40),
      comment: z.string().max(2000, "Keep the comment under 2,000 characters.").optional(),
    }),
    owns: (user, { classId }) => ownClass(user, classId),
  },
  async ({ asker, owned: klass, input }) => {
    const outcome = await recordReview(klass, asker.id, input.answerId, input.level, input.comment);
    if (!outcome.ok) return outcome;
    revalidatePath(`/instructor/classes/${klass.id}`, "layout");
    revalidatePath("/instructor");
    const filter = { unit: input.unit || undefined, question: input.question || undefined, names: input.names };
    const next = (await pendingAnswers(klass, filter))[0];
    redirect(next ? reviewHref(klass.id, next.answerId, filter) : queueHref(klass.id, { ...filter, done: true }));
  },
);
