import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Server-only modules must not reach the browser: client components may not import them.
      "no-restricted-imports": "off",
    },
  },
  {
    // Client components and shared code. (components/mdx and components/lesson are server
    // components: they may read the course.)
    files: ["components/quiz/**", "components/auth/**", "components/ui/**", "components/account/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/server/*", "@/server/**"], message: "Browser code must not import server modules (answer keys, database)." },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "server/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
