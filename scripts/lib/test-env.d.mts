// Types for test-env.mjs (plain JavaScript so `npm test` runs with node alone).
export function e2eEnabled(): boolean;
export function checkChromium(): string;
export function testEnv(databaseUrl: string, chromium: string): NodeJS.ProcessEnv & { TEST_PORT: string; CHROMIUM_PATH: string };
export function unitAndBrowserTests(env: NodeJS.ProcessEnv, database: string): void;
