export type Cluster = { port: number; url(db?: string): string; createDatabase(name: string): string; stop(): void };
export const pgBin: () => string;
export const postgresInstalled: () => boolean;
export function freePort(): Promise<number>;
export function startCluster(options?: { durable?: boolean; log?: (message: string) => void }): Promise<Cluster>;
