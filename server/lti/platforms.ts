import "server-only";
// Registered platforms (LMSs): what an admin enters on /admin/lti, and the look-ups the login
// and launch endpoints make. The form's rules are platformForm (lib/lti.ts).
import type { z } from "zod";
import type { platformForm } from "@/lib/lti";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/prisma-client";

export type Platform = { id: string; name: string; issuer: string; clientId: string; authUrl: string; tokenUrl: string; jwksUrl: string; deploymentIds: string[] };

const SELECT = { id: true, name: true, issuer: true, clientId: true, authUrl: true, tokenUrl: true, jwksUrl: true, deployments: { select: { deploymentId: true }, orderBy: { deploymentId: "asc" } } } as const;
type Row = { deployments: { deploymentId: string }[] } & Omit<Platform, "deploymentIds">;
const toPlatform = ({ deployments, ...p }: Row): Platform => ({ ...p, deploymentIds: deployments.map((d) => d.deploymentId) });

/** Registers a platform with its deployments; false when that issuer and client id are registered already. */
export async function registerPlatform(input: z.output<typeof platformForm>): Promise<boolean> {
  const { deploymentIds, ...platform } = input;
  try {
    await db.ltiPlatform.create({ data: { ...platform, deployments: { create: deploymentIds.map((deploymentId) => ({ deploymentId })) } }, select: { id: true } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function listPlatforms(): Promise<Platform[]> {
  return (await db.ltiPlatform.findMany({ select: SELECT, orderBy: { createdAt: "asc" } })).map(toPlatform);
}

/**
 * The platform a login request names: by issuer, and by client id when the platform sends one.
 * Null when none matches, or when several registrations share the issuer and no client id says which.
 */
export async function platformFor(issuer: string, clientId: string | undefined): Promise<Platform | null> {
  const rows = await db.ltiPlatform.findMany({ where: clientId ? { issuer, clientId } : { issuer }, select: SELECT, take: 2 });
  return rows.length === 1 ? toPlatform(rows[0]) : null;
}

export async function platformById(id: string): Promise<Platform | null> {
  const row = await db.ltiPlatform.findUnique({ where: { id }, select: SELECT });
  return row ? toPlatform(row) : null;
}
