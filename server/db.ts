import "server-only";
// The one Prisma client of the app (see ./prisma-client.ts for how it is built).
import type { PrismaClient } from "./generated/prisma/client";
import { createPrismaClient } from "./prisma-client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForPrisma.prisma ?? createPrismaClient(env.databaseUrl);
if (!env.isProduction) globalForPrisma.prisma = db;
