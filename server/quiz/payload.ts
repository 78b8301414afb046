// The shape of a quiz submission as it arrives from the browser. Everything is bounded, so a
// malformed or oversized payload is refused before anything is read from the database.
import { z } from "zod";
import { responseId as id } from "@/questions/schema";

export const submissionSchema = z.strictObject({
  lessonSlug: id,
  quizId: id,
  submissionKey: z.string().min(8).max(64).regex(/^[A-Za-z0-9-]+$/),
  /** Question id → response; each response's shape is checked by its question's type (questions/). */
  answers: z.record(id, z.unknown()).refine((a) => Object.keys(a).length <= 100, "too many answers"),
  /** Milliseconds from the quiz being shown to each question's last change. */
  timings: z.record(id, z.number().int().min(0).max(24 * 60 * 60 * 1000)).optional(),
  /** When the student started the quiz (ms since epoch), within what a Date can hold. */
  startedAt: z.number().int().positive().max(8_640_000_000_000_000).optional(),
});

export type Submission = z.infer<typeof submissionSchema>;

/** Describes the first problem of a refused payload in plain words. */
export function payloadError(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue?.path.length ? ` (at ${issue.path.join(".")})` : "";
  return `The submission was not understood${where}: ${issue?.message ?? "malformed"}. Nothing was saved.`;
}
