import "server-only";
// Changing classes: creating them, their join codes, who is in them. Callers check who is
// asking (an instructor may change only their own classes; see server/reports/classes.ts).
import { randomInt } from "node:crypto";
import { db } from "./db";
import { isUniqueViolation } from "./prisma-client";

// No 0/O or 1/I/L: a code is read aloud and copied from a board.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function newJoinCode(): string {
  const pick = () => Array.from({ length: 4 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join("");
  return `${pick()}-${pick()}`;
}

/** Runs `write` with a fresh join code, again with another if the code is taken. */
async function withFreshCode<T>(write: (code: string) => Promise<T>): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await write(newJoinCode());
    } catch (error) {
      if (!isUniqueViolation(error) || tries >= 5) throw error;
    }
  }
}

export async function createClass(instructorId: string, name: string) {
  return withFreshCode((joinCode) => db.class.create({ data: { name, joinCode, instructorId }, select: { id: true, joinCode: true } }));
}

/** A new join code (the old one stops working); also how joining is switched back on. */
export async function rotateJoinCode(classId: string) {
  return withFreshCode((joinCode) => db.class.update({ where: { id: classId }, data: { joinCode }, select: { joinCode: true } }));
}

export async function disableJoinCode(classId: string) {
  await db.class.update({ where: { id: classId }, data: { joinCode: null } });
}

/** Takes a student out of a class. Their attempts stay: they belong to the student. */
export async function removeStudent(classId: string, userId: string): Promise<boolean> {
  const { count } = await db.enrollment.deleteMany({ where: { classId, userId } });
  return count > 0;
}

/** Enrols a signed-in user in the class with this code. Joining twice is harmless. */
export async function joinClass(userId: string, joinCode: string): Promise<{ name: string } | null> {
  const klass = await db.class.findUnique({ where: { joinCode }, select: { id: true, name: true } });
  if (!klass) return null;
  await db.enrollment.upsert({
    where: { userId_classId: { userId, classId: klass.id } },
    create: { userId, classId: klass.id },
    update: {},
  });
  return { name: klass.name };
}

export async function classesOfStudent(userId: string) {
  return db.enrollment.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true, class: { select: { id: true, name: true, instructor: { select: { name: true } } } } },
  });
}
