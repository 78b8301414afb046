"use server";
import { fieldErrors, signUpSchema, type SignUpState } from "@/lib/validation";
import { registerStudent } from "@/server/accounts";

/** Creates a student account in the class whose join code is given. */
export async function signUp(_prev: SignUpState, formData: FormData): Promise<SignUpState> {
  const raw = {
    name: formData.get("name"),
    email: formData.get("email"),
    password: formData.get("password"),
    joinCode: formData.get("joinCode"),
  };
  const values = { name: String(raw.name ?? "").slice(0, 200), email: String(raw.email ?? "").slice(0, 300), joinCode: String(raw.joinCode ?? "").slice(0, 40) };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error), values };
  return registerStudent(parsed.data, values);
}
