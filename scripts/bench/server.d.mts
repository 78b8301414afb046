// Types for server.mjs (plain JavaScript so the crash test runs with node alone).
import type { ChildProcess } from "node:child_process";

export const SECRET: string;
export function scratchDatabase(seedArgs?: string[]): { url: string; cleanup: () => void };
export function startServer(options: { port: number; databaseUrl: string; env?: Record<string, string>; nodeArgs?: string[] }): Promise<{
  base: string;
  child: ChildProcess;
  stop: () => void;
}>;
export function peakMemoryMb(pid: number): number;
export function signIn(base: string, email: string, password: string): Promise<string>;
