import "server-only";
// The environment the server runs with, read and checked in one place.
import { DEFAULT_DATABASE_URL } from "@/lib/database-url";

export const env = {
  databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  isProduction: process.env.NODE_ENV === "production",
  /** next-auth reads NEXTAUTH_SECRET itself; scripts/start.mjs creates one on first run. */
  hasAuthSecret: Boolean(process.env.NEXTAUTH_SECRET),
};
