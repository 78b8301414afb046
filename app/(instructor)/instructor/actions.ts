"use server";
// Instructor actions on classes. Each checks, first, that the class is the asker's own.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { canTeach } from "@/lib/roles";
import { classNameSchema, type FormState } from "@/lib/validation";
import { getCurrentUser } from "@/server/auth";
import { createClass, disableJoinCode, removeStudent, rotateJoinCode } from "@/server/classes";
import { ownClassForRoute, studentOf } from "@/server/reports/classes";

const idSchema = z.string().min(1).max(64);
const REFUSED: FormState = { ok: false, error: "You can change only your own classes." };

async function ownClass(data: FormData) {
  const classId = idSchema.safeParse(data.get("classId"));
  if (!classId.success) return null;
  const owned = await ownClassForRoute(classId.data);
  return "klass" in owned ? owned.klass : null;
}

export async function createClassAction(_prev: FormState, data: FormData): Promise<FormState> {
  const user = await getCurrentUser();
  if (!user || !canTeach(user.role)) return { ok: false, error: "Only instructors can create classes." };
  const name = classNameSchema.safeParse(data.get("name"));
  if (!name.success) return { ok: false, error: name.error.issues[0].message };
  const created = await createClass(user.id, name.data);
  revalidatePath("/instructor");
  return { ok: true, message: `Created “${name.data}”. Students join with the code ${created.joinCode}.` };
}

export async function rotateCodeAction(_prev: FormState, data: FormData): Promise<FormState> {
  const klass = await ownClass(data);
  if (!klass) return REFUSED;
  const { joinCode } = await rotateJoinCode(klass.id);
  revalidatePath(`/instructor/classes/${klass.id}/roster`);
  return { ok: true, message: `The new join code is ${joinCode}. The old code no longer works.` };
}

export async function disableCodeAction(_prev: FormState, data: FormData): Promise<FormState> {
  const klass = await ownClass(data);
  if (!klass) return REFUSED;
  await disableJoinCode(klass.id);
  revalidatePath(`/instructor/classes/${klass.id}/roster`);
  return { ok: true, message: "Joining is switched off. Make a new code to switch it back on." };
}

export async function removeStudentAction(_prev: FormState, data: FormData): Promise<FormState> {
  const klass = await ownClass(data);
  const studentId = idSchema.safeParse(data.get("studentId"));
  const student = klass && studentId.success ? studentOf(klass, studentId.data) : null;
  if (!klass || !student) return REFUSED;
  await removeStudent(klass.id, student.id);
  revalidatePath(`/instructor/classes/${klass.id}`, "layout");
  // The row (and the form in it) is gone, so the confirmation goes on the page itself.
  redirect(`/instructor/classes/${klass.id}/roster?removed=1`);
}
