// Types for ./database-url.mjs.
export const DEFAULT_DATABASE_URL: string;
export type DatabaseProvider = "sqlite" | "postgresql";
export function databaseUrl(env?: { DATABASE_URL?: string }): string;
export function databaseProvider(url: string): DatabaseProvider;
export function sqliteFilePath(url: string, cwd: string): string;
