"use server";
import { headers } from "next/headers";
import { fieldErrors, signUpSchema, type SignUpState } from "@/lib/validation";
import { registerStudent } from "@/server/accounts";
import { blockedFor, clientAddress, record, SIGN_UP_ADDRESS } from "@/server/security/rate-limit";

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
  const addressKey = `signup:address:${clientAddress((await headers()).get("x-forwarded-for"))}`;
  if (await blockedFor(addressKey)) {
    return { ok: false, errors: { form: "Too many accounts were created from this network in the last hour. Try again later, or ask your instructor." }, values };
  }
  const result = await registerStudent(parsed.data, values);
  if (result?.ok) await record(addressKey, SIGN_UP_ADDRESS);
  return result;
}
