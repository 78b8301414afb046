-- CreateTable
CREATE TABLE "AnswerReview" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "answerId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "level" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "comment" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AnswerReview_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AnswerReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_QuizAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "lessonSlug" TEXT NOT NULL,
    "quizId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'unit',
    "attemptNumber" INTEGER NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "maxScore" REAL NOT NULL,
    "percent" REAL NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "trustPercent" REAL,
    "doubtPercent" REAL,
    "sensitivity" REAL,
    "bias" REAL,
    "pendingCount" INTEGER NOT NULL DEFAULT 0,
    "startedAt" DATETIME,
    "submittedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "QuizAttempt_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_QuizAttempt" ("attemptNumber", "bias", "doubtPercent", "id", "kind", "lessonSlug", "maxScore", "passed", "percent", "quizId", "score", "sensitivity", "startedAt", "submissionKey", "submittedAt", "trustPercent", "userId") SELECT "attemptNumber", "bias", "doubtPercent", "id", "kind", "lessonSlug", "maxScore", "passed", "percent", "quizId", "score", "sensitivity", "startedAt", "submissionKey", "submittedAt", "trustPercent", "userId" FROM "QuizAttempt";
DROP TABLE "QuizAttempt";
ALTER TABLE "new_QuizAttempt" RENAME TO "QuizAttempt";
CREATE INDEX "QuizAttempt_quizId_idx" ON "QuizAttempt"("quizId");
CREATE INDEX "QuizAttempt_lessonSlug_idx" ON "QuizAttempt"("lessonSlug");
CREATE INDEX "QuizAttempt_pendingCount_idx" ON "QuizAttempt"("pendingCount");
CREATE UNIQUE INDEX "QuizAttempt_userId_quizId_attemptNumber_key" ON "QuizAttempt"("userId", "quizId", "attemptNumber");
CREATE UNIQUE INDEX "QuizAttempt_userId_submissionKey_key" ON "QuizAttempt"("userId", "submissionKey");
CREATE TABLE "new_Answer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "attemptId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "questionVersion" TEXT NOT NULL,
    "response" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "maxScore" REAL NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "timeMs" INTEGER,
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "reviewLevel" TEXT,
    "reviewComment" TEXT,
    "reviewedAt" DATETIME,
    "reviewSeenAt" DATETIME,
    CONSTRAINT "Answer_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "QuizAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Answer_questionVersion_fkey" FOREIGN KEY ("questionVersion") REFERENCES "QuestionVersion" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Answer" ("attemptId", "correct", "id", "maxScore", "questionId", "questionVersion", "response", "score", "timeMs") SELECT "attemptId", "correct", "id", "maxScore", "questionId", "questionVersion", "response", "score", "timeMs" FROM "Answer";
DROP TABLE "Answer";
ALTER TABLE "new_Answer" RENAME TO "Answer";
CREATE INDEX "Answer_questionId_idx" ON "Answer"("questionId");
CREATE INDEX "Answer_questionVersion_idx" ON "Answer"("questionVersion");
CREATE INDEX "Answer_pending_idx" ON "Answer"("pending");
CREATE UNIQUE INDEX "Answer_attemptId_questionId_key" ON "Answer"("attemptId", "questionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AnswerReview_answerId_idx" ON "AnswerReview"("answerId");

