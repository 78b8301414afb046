import "server-only";
// The one Prisma client of the app (see ./prisma-client.ts for how it is built).
import type { PrismaClient } from "./generated/prisma/client";
import { createPrismaClient } from "./prisma-client";

// One client per process: development's module reloads would otherwise open a new one each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const db = globalForPrisma.prisma ?? createPrismaClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
