import { describe, expect, it } from "vitest";
import { classNameSchema, isPlainDisplayText, signUpSchema } from "./validation";

const signUp = (name: string) => signUpSchema.safeParse({ name, email: "a@example.org", password: "long-enough", joinCode: "ABCD-2345" });

describe("names others will read", () => {
  it("refuse direction overrides, zero-width and other invisible characters", () => {
    for (const name of [
      "Ann\u202Egnp.exe",
      "\u202DAnn",
      "Ann\u2066x\u2069",
      "Ann\u200F",
      "\u200BAnn",
      "Ann\u200B",
      "A\u2060nn",
      "Ann\uFEFFx",
      "\u3164",
      "Ann\u00ADe",
      "\u200D",
      "Ann\u200C",
      "Ann\u0007",
    ]) {
      expect(isPlainDisplayText(name), JSON.stringify(name)).toBe(false);
      expect(signUp(name).success, JSON.stringify(name)).toBe(false);
      expect(classNameSchema.safeParse(name).success, JSON.stringify(name)).toBe(false);
    }
  });

  it("accept the names people have, in any script", () => {
    for (const name of ["Zoë O'Brien-Smith", "李小龍", "محمد علي", "میرزا\u200Cپور", "क्\u200Dष", "Ana 👩\u200D💻", "Renée 👍🏽", "Class 9B (2026)"]) {
      expect(isPlainDisplayText(name), name).toBe(true);
      expect(signUp(name).success, name).toBe(true);
      expect(classNameSchema.safeParse(name).success, name).toBe(true);
    }
  });

  it("store names trimmed and in NFC", () => {
    const decomposed = "Zoe\u0308";
    const parsed = signUp(`  ${decomposed} `);
    expect(parsed.success && parsed.data.name).toBe("Zo\u00EB");
    expect(classNameSchema.parse(" 9B ")).toBe("9B");
    expect(signUp("   ").error?.issues[0].message).toBe("Enter your name.");
  });
});
