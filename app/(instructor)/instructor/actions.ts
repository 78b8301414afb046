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
import { formatDay, isDay, isTimeZone } from "@/lib/assignments";
import { saveAssignments } from "@/server/assignments";
import { reportUnits } from "@/server/reports/classes";
import { formAction } from "@/server/http/action";
import { resendScore } from "@/server/lti/ags-store";
import { syncRoster } from "@/server/lti/roster";

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

/**
 * Sets the class's due dates: one date field per unit (`due-<unit>`, YYYY-MM-DD, empty for
 * none) and the time zone the days are read in. All are checked before anything is saved.
 */
export const saveAssignmentsAction = formAction(
  {
    who: teacher,
    input: classForm
      .extend({ timeZone: z.string({ error: "Choose a time zone." }).max(64, "Choose a time zone from the list.") })
      .catchall(z.string().max(40, "A due date is a day, like 2026-12-05.")),
    owns: (user, { classId }) => ownClass(user, classId),
  },
  async ({ owned: klass, input }) => {
    if (!isTimeZone(input.timeZone)) return { ok: false, error: "Choose a time zone from the list." };
    const units = await reportUnits();
    const days: Record<string, string> = {};
    for (const u of units) {
      const value = input[`due-${u.slug}`];
      if (typeof value !== "string") continue;
      const day = value.trim();
      if (day && !isDay(day)) return { ok: false, error: `“${u.title}”: a due date is a day, like 2026-12-05. Nothing was saved.` };
      days[u.slug] = day;
    }
    const unknown = Object.keys(input).find((k) => k.startsWith("due-") && !units.some((u) => `due-${u.slug}` === k));
    if (unknown) return { ok: false, error: `There is no unit “${unknown.slice(4)}” in the course. Nothing was saved.` };
    const { set } = await saveAssignments(klass.id, days, input.timeZone);
    revalidatePath(`/instructor/classes/${klass.id}`, "layout");
    const first = Object.entries(days).find(([, d]) => d);
    return {
      ok: true,
      message: set === 0 ? "No unit has a due date now." : `Saved: ${set} unit${set === 1 ? "" : "s"} with a due date${first ? `, the first on ${formatDay(first[1])}` : ""} (end of the day, ${input.timeZone}).`,
    };
  },
);

/** Sends a score the LMS refused (or that failed too often) again: back in the outbox, due now. */
export const resendScoreAction = formAction(
  { who: teacher, input: classForm.extend({ scoreId: z.string().min(1).max(300) }), owns: (user, { classId }) => ownClass(user, classId) },
  async ({ owned: klass, input }) => {
    if (!(await resendScore(klass, input.scoreId))) return { ok: false, error: "This score is not a failed score of your class (it may have been sent again already). Reload the page." };
    revalidatePath(`/instructor/classes/${klass.id}/lms-grades`);
    // The row's Resend form is gone once it waits again, so the confirmation goes on the page.
    redirect(`/instructor/classes/${klass.id}/lms-grades?resent=1`);
  },
);

/** Syncs the class's students with its LMS course's members (roster sync, NRPS: server/lti/roster.ts). */
export const syncRosterAction = formAction({ who: teacher, input: classForm, owns: (user, { classId }) => ownClass(user, classId) }, async ({ owned: klass }) => {
  const result = await syncRoster(klass);
  revalidatePath(`/instructor/classes/${klass.id}`, "layout");
  return result.ok ? { ok: true, message: `Roster synced: ${result.message}` } : { ok: false, error: result.error };
});
