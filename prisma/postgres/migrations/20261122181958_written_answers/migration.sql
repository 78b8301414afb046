-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "pendingCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Answer" ADD COLUMN     "pending" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewComment" TEXT,
ADD COLUMN     "reviewLevel" TEXT,
ADD COLUMN     "reviewSeenAt" TIMESTAMP(3),
ADD COLUMN     "reviewedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "AnswerReview" (
    "id" TEXT NOT NULL,
    "answerId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "level" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnswerReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnswerReview_answerId_idx" ON "AnswerReview"("answerId");

-- CreateIndex
CREATE INDEX "QuizAttempt_pendingCount_idx" ON "QuizAttempt"("pendingCount");

-- CreateIndex
CREATE INDEX "Answer_pending_idx" ON "Answer"("pending");

-- AddForeignKey
ALTER TABLE "AnswerReview" ADD CONSTRAINT "AnswerReview_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerReview" ADD CONSTRAINT "AnswerReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

