-- AlterTable
ALTER TABLE "LtiContextLink" ADD COLUMN     "membershipsUrl" TEXT,
ADD COLUMN     "platformId" TEXT,
ADD COLUMN     "rosterSyncNote" TEXT,
ADD COLUMN     "rosterSyncOk" BOOLEAN,
ADD COLUMN     "rosterSyncedAt" TIMESTAMP(3);

