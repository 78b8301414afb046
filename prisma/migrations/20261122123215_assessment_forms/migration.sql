-- AlterTable
ALTER TABLE "User" ADD COLUMN "assessmentOrder" TEXT;

-- AlterTable
ALTER TABLE "Class" ADD COLUMN "reviewOpenedAt" DATETIME;

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN "bias" REAL;
ALTER TABLE "QuizAttempt" ADD COLUMN "sensitivity" REAL;

