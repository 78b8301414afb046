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
    // components: they may read the course.) A question type's shared and browser parts are
    // browser code too; its server part (questions/server.ts, questions/<type>/server.ts)
    // handles answer keys and is the server's alone.
    files: [
      "components/quiz/**",
      "components/auth/**",
      "components/ui/**",
      "components/account/**",
      "lib/**",
      "questions/index.ts",
      "questions/contract.ts",
      "questions/client-contract.ts",
      "questions/client.ts",
      "questions/schema.ts",
      "questions/*/types.ts",
      "questions/*/client.tsx",
    ],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/server/*", "@/server/**"], message: "Browser code must not import server modules (answer keys, database)." },
            {
              group: ["@/questions/server", "@/questions/*/server", "**/questions/server", "./server", "../server", "../*/server"],
              message: "Browser code must not import a question type's server part (it handles answer keys).",
            },
          ],
        },
      ],
    },
  },
  globalIgnores([".next/**", "node_modules/**", "server/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"]),
]);
