import "server-only";
// Password hashing with Argon2id (memory-hard), via the @node-rs/argon2 native binding.
import { hash, verify } from "@node-rs/argon2";

export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

// Verifying against this when no user matches keeps a wrong email as slow as a wrong
// password, so timing does not tell which emails have accounts.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hash("not-a-real-password-used-for-timing");
  return dummy;
}
