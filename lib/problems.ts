// A problem found in a lesson file, located as `file:line:column message`.
export type Problem = { file: string; line: number; column: number; message: string };

export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.message}`;
}

export class LessonError extends Error {
  constructor(public readonly problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "LessonError";
  }
}
