-- AlterTable
ALTER TABLE "User" ADD COLUMN     "assessmentOrder" TEXT;

-- AlterTable
ALTER TABLE "Class" ADD COLUMN     "reviewOpenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "QuizAttempt" ADD COLUMN     "bias" DOUBLE PRECISION,
ADD COLUMN     "sensitivity" DOUBLE PRECISION;

