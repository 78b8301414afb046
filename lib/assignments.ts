// Due dates: an instructor sets a unit for a class, due at the end of a day in a time zone
// they choose. Pure functions, shared by the instructor's pages and the student's course page.
// Statuses: done (completed on or before the moment it was due), late (completed after it),
// missing (due and not completed), open (not due yet, not completed).

export type AssignmentStatus = "done" | "late" | "missing" | "open";

export const ASSIGNMENT_LABELS: Record<AssignmentStatus, string> = {
  done: "Done on time",
  late: "Done late",
  missing: "Missing",
  open: "Not due yet",
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `tz` is a time zone this runtime knows (IANA names such as Europe/London, or UTC). */
export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A calendar day YYYY-MM-DD that exists (no 31 April), in the years a course could use. */
export function isDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 2100 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The last millisecond of `day` in `timeZone`, as an instant: a unit due "on 5 December" in
 * New York is due until 23:59:59.999 there. Right across daylight-saving changes (the offset
 * is read at the answer, not at the guess). Null for a day or zone that is not valid.
 */
export function endOfDay(day: string, timeZone: string): Date | null {
  if (!isDay(day) || !isTimeZone(timeZone)) return null;
  const [y, m, d] = day.split("-").map(Number);
  const wall = Date.UTC(y, m - 1, d + 1) - 1; // 23:59:59.999 on the wall clock
  let instant = wall - offsetAt(wall, timeZone);
  instant = wall - offsetAt(instant, timeZone);
  return new Date(instant);
}

/** Where a student stands with an assignment at `now`, from when they completed the unit. */
export function assignmentStatus(dueAt: Date, completedAt: Date | null, now: Date): AssignmentStatus {
  if (completedAt) return completedAt.getTime() <= dueAt.getTime() ? "done" : "late";
  return now.getTime() > dueAt.getTime() ? "missing" : "open";
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "5 Dec", for narrow places such as the progress grid's column heads (the day as chosen). */
export function formatShortDay(day: string): string {
  if (!isDay(day)) return day;
  const [, m, d] = day.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]}`;
}

/** "Sat 5 Dec 2026": the day as chosen, whatever the reader's zone (spelt out, not left to the locale data). */
export function formatDay(day: string): string {
  if (!isDay(day)) return day;
  const weekday = WEEKDAYS[new Date(`${day}T12:00:00Z`).getUTCDay()];
  return `${weekday} ${formatShortDay(day)} ${day.slice(0, 4)}`;
}
