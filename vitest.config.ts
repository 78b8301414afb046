import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Unit tests run server modules directly; "server-only" only guards the browser bundle.
      "server-only": path.resolve(import.meta.dirname, "lib/test/empty-module.ts"),
    },
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", "e2e/**", ".next/**"],
    environment: "node",
    // Some tests migrate and use real databases (SQLite files, PostgreSQL scratch databases)
    // and compile lessons: slow on a busy 2-core CI machine, never a timing assertion.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
