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

export type Registered = { kind: "created" } | { kind: "deployments-added"; added: string[] } | { kind: "unchanged" };

/**
 * Registers a platform with its deployments. When that issuer and client id are registered
 * already (an LMS adds a deployment id each time the tool is installed in another place), the
 * new deployment ids are added to it; its addresses stay as they were.
 */
export async function registerPlatform(input: z.output<typeof platformForm>): Promise<Registered> {
  const { deploymentIds, ...platform } = input;
  const existing = await db.ltiPlatform.findUnique({ where: { issuer_clientId: { issuer: platform.issuer, clientId: platform.clientId } }, select: { id: true, deployments: { select: { deploymentId: true } } } });
  if (!existing) {
    try {
      await db.ltiPlatform.create({ data: { ...platform, deployments: { create: deploymentIds.map((deploymentId) => ({ deploymentId })) } }, select: { id: true } });
      return { kind: "created" };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return registerPlatform(input); // registered at the same moment by another request: add to it
    }
  }
  const known = new Set(existing.deployments.map((d) => d.deploymentId));
  const added = deploymentIds.filter((d) => !known.has(d));
  for (const deploymentId of added) {
    try {
      await db.ltiDeployment.create({ data: { platformId: existing.id, deploymentId }, select: { id: true } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  return added.length ? { kind: "deployments-added", added } : { kind: "unchanged" };
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
