// Addresses of the grading queue for written answers (app/(instructor)/instructor/classes/
// [classId]/written): the filters and the name setting travel in the query string, so the
// queue, each answer and "Save and next" keep them.
export type QueueParams = { unit?: string; question?: string; names?: "shown" | "hidden"; done?: boolean };

function query(p: QueueParams): string {
  const q = new URLSearchParams();
  if (p.unit) q.set("unit", p.unit);
  if (p.question) q.set("question", p.question);
  if (p.names === "hidden") q.set("names", "hidden");
  if (p.done) q.set("done", "1");
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const queueHref = (classId: string, p: QueueParams = {}) => `/instructor/classes/${classId}/written${query(p)}`;
export const reviewHref = (classId: string, answerId: string, p: QueueParams = {}) => `/instructor/classes/${classId}/written/${answerId}${query(p)}`;

/** Reads the queue's parameters from a page's search parameters (anything else is ignored). */
export function queueParams(sp: Record<string, string | string[] | undefined>): QueueParams {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 80 ? v : undefined);
  return { unit: one(sp.unit), question: one(sp.question), names: sp.names === "hidden" ? "hidden" : "shown", done: sp.done === "1" };
}
