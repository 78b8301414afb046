-- CreateTable
CREATE TABLE "LtiLineItem" (
    "id" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "userSub" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "lineItemUrl" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LtiLineItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LtiScoreOutbox" (
    "id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lineItemUrl" TEXT NOT NULL,
    "userSub" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "scoreGiven" DOUBLE PRECISION NOT NULL,
    "scoreMaximum" DOUBLE PRECISION NOT NULL,
    "activityProgress" TEXT NOT NULL,
    "gradingProgress" TEXT NOT NULL,
    "timestamp" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextTryAt" TIMESTAMP(3) NOT NULL,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL,
    "claimToken" TEXT,

    CONSTRAINT "LtiScoreOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "LtiLineItem_userId_lessonSlug_idx" ON "LtiLineItem"("userId", "lessonSlug");

-- CreateIndex
CREATE INDEX "LtiLineItem_classId_idx" ON "LtiLineItem"("classId");

-- CreateIndex
CREATE UNIQUE INDEX "LtiLineItem_platformId_userId_resourceLinkId_key" ON "LtiLineItem"("platformId", "userId", "resourceLinkId");

-- CreateIndex
CREATE UNIQUE INDEX "LtiScoreOutbox_key_key" ON "LtiScoreOutbox"("key");

-- CreateIndex
CREATE INDEX "LtiScoreOutbox_status_nextTryAt_idx" ON "LtiScoreOutbox"("status", "nextTryAt");

-- CreateIndex
CREATE INDEX "LtiScoreOutbox_lineItemId_createdAt_idx" ON "LtiScoreOutbox"("lineItemId", "createdAt");

-- AddForeignKey
ALTER TABLE "LtiLineItem" ADD CONSTRAINT "LtiLineItem_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiLineItem" ADD CONSTRAINT "LtiLineItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiLineItem" ADD CONSTRAINT "LtiLineItem_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LtiScoreOutbox" ADD CONSTRAINT "LtiScoreOutbox_lineItemId_fkey" FOREIGN KEY ("lineItemId") REFERENCES "LtiLineItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

