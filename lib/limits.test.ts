import { describe, expect, it } from "vitest";
import { checkSignIn, EMAIL_MAX, PASSWORD_MAX } from "./limits";
import { fieldErrors, signInSchema } from "./validation";

// The sign-in form checks without zod (lib/limits.ts); the server with signInSchema. A person
// must see the same message from both, so every case is put to both.
const emails: unknown[] = [
  undefined, 42, "", "   ", "name@school.org", "  Name@School.ORG  ", "name@school", "name@@school.org", "name.@school.org",
  ".name@school.org", "na..me@school.org", "first.last+tag@sub.school.org", "name@school.o", "name@-school.org",
  "bad\u0000@school.org", "bad\uD800@school.org", `${"a".repeat(EMAIL_MAX - 11)}@school.org`, `${"a".repeat(EMAIL_MAX)}@school.org`,
  "näme@school.org", "name@school.org\u200B",
];
const passwords: unknown[] = [undefined, null, "", " ", "secret", "x".repeat(PASSWORD_MAX), "x".repeat(PASSWORD_MAX + 1), "pass\u0000word", "pass\uDC00"];

describe("checkSignIn", () => {
  it("says what signInSchema says, field by field, for every case", () => {
    for (const email of emails) {
      for (const password of passwords) {
        const form = { email, password };
        const server = signInSchema.safeParse(form);
        const browser = checkSignIn(form);
        const label = JSON.stringify(form).slice(0, 80);
        expect(browser.ok, label).toBe(server.success);
        if (server.success && browser.ok) expect(browser.data, label).toEqual(server.data);
        if (!server.success && !browser.ok) expect(browser.errors, label).toEqual(fieldErrors(server.error));
      }
    }
  });

  it("accepts a well-formed sign-in, trimmed and in lower case", () => {
    expect(checkSignIn({ email: " Student1@Example.ORG ", password: "headline-demo" })).toEqual({
      ok: true,
      data: { email: "student1@example.org", password: "headline-demo" },
    });
  });
});
