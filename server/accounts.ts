import "server-only";
// Creating accounts. A student signs up with a class join code and is enrolled at once.
import type { z } from "zod";
import { normaliseJoinCode, type SignUpState, type signUpSchema } from "@/lib/validation";
import { db } from "./db";
import { hashPassword } from "./password";
import { isUniqueViolation } from "./prisma-client";

export async function registerStudent(input: z.infer<typeof signUpSchema>): Promise<NonNullable<SignUpState>> {
  const klass = await db.class.findUnique({ where: { joinCode: normaliseJoinCode(input.joinCode) }, select: { id: true } });
  if (!klass) {
    const joinCode = "No class has that join code. Check it with your instructor.";
    return { ok: false, error: joinCode, fields: { joinCode } };
  }
  const passwordHash = await hashPassword(input.password);
  try {
    await db.user.create({
      data: {
        name: input.name,
        email: input.email,
        passwordHash,
        role: "student",
        enrollments: { create: { classId: klass.id } },
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const email = "An account with this email already exists. Sign in instead.";
      return { ok: false, error: email, fields: { email } };
    }
    throw error;
  }
  return { ok: true, email: input.email };
}
