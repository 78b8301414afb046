-- CreateTable
CREATE TABLE "LtiLineItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "platformId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "classId" TEXT NOT NULL,
    "userSub" TEXT NOT NULL,
    "resourceLinkId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "lineItemUrl" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LtiLineItem_platformId_fkey" FOREIGN KEY ("platformId") REFERENCES "LtiPlatform" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LtiLineItem_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "LtiLineItem_classId_fkey" FOREIGN KEY ("classId") REFERENCES "Class" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LtiScoreOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "key" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "platformId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "lineItemUrl" TEXT NOT NULL,
    "userSub" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "scoreGiven" REAL NOT NULL,
    "scoreMaximum" REAL NOT NULL,
    "activityProgress" TEXT NOT NULL,
    "gradingProgress" TEXT NOT NULL,
    "timestamp" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextTryAt" DATETIME NOT NULL,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL,
    "claimToken" TEXT,
    CONSTRAINT "LtiScoreOutbox_lineItemId_fkey" FOREIGN KEY ("lineItemId") REFERENCES "LtiLineItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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

