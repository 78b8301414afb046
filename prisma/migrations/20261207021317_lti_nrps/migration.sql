-- AlterTable
ALTER TABLE "LtiContextLink" ADD COLUMN "membershipsUrl" TEXT;
ALTER TABLE "LtiContextLink" ADD COLUMN "platformId" TEXT;
ALTER TABLE "LtiContextLink" ADD COLUMN "rosterSyncNote" TEXT;
ALTER TABLE "LtiContextLink" ADD COLUMN "rosterSyncOk" BOOLEAN;
ALTER TABLE "LtiContextLink" ADD COLUMN "rosterSyncedAt" DATETIME;

