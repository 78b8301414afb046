// Addresses of the grading queue for written answers (app/(instructor)/instructor/classes/
// [classId]/written): the filters and the name setting travel in the query string, so the
// queue, each answer and "Save and next" keep them. The queue is shown a page at a time
// (`page`, 0-based): an answer opened from page 3 leads back to page 3.
export type QueueParams = { unit?: string; question?: string; names?: "shown" | "hidden"; done?: boolean; page?: number };

/** Answers per page of the queue: 292 waiting answers on one page were 412 kB of HTML (docs/benchmarks.md). */
export const QUEUE_PAGE_SIZE = 50;

function query(p: QueueParams): string {
  const q = new URLSearchParams();
  if (p.unit) q.set("unit", p.unit);
  if (p.question) q.set("question", p.question);
  if (p.names === "hidden") q.set("names", "hidden");
  if (p.done) q.set("done", "1");
  if (p.page) q.set("page", String(p.page));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const queueHref = (classId: string, p: QueueParams = {}) => `/instructor/classes/${classId}/written${query(p)}`;
export const reviewHref = (classId: string, answerId: string, p: QueueParams = {}) => `/instructor/classes/${classId}/written/${answerId}${query(p)}`;

/** Reads the queue's parameters from a page's search parameters (anything else is ignored). */
export function queueParams(sp: Record<string, string | string[] | undefined>): QueueParams {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 80 ? v : undefined);
  // A page number that is not a small whole number is the first page.
  const page = typeof sp.page === "string" && /^\d{1,4}$/.test(sp.page) ? Number(sp.page) : 0;
  return { unit: one(sp.unit), question: one(sp.question), names: sp.names === "hidden" ? "hidden" : "shown", done: sp.done === "1", page };
}
