// Types for the plain-Node bootstrap, for the TypeScript scripts that use it.
export const root: string;
export function say(message: string): void;
export function fail(message: string): never;
export function run(command: string, args: string[], env?: NodeJS.ProcessEnv): void;
export function runBin(name: string, args: string[], env?: NodeJS.ProcessEnv): void;
export function minimumNode(): string;
export function checkNode(): void;
export function ensureDependencies(): void;
export function generateClients(env?: NodeJS.ProcessEnv): void;
export function prepareDatabase(env: NodeJS.ProcessEnv & { DATABASE_URL: string }, seedArgs?: string[]): void;
export function buildIfStale(env: NodeJS.ProcessEnv): void;
export const redactUrl: (url: string) => string;
