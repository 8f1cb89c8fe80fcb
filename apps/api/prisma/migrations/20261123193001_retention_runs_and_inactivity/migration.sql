-- Fail fast instead of queueing live queries behind a blocked ALTER (docs/migrations.md).
SET lock_timeout = '5s';

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "inactivityWarnedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "RetentionRun" (
    "id" BIGSERIAL NOT NULL,
    "job" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "outcome" TEXT NOT NULL,
    "counts" JSONB NOT NULL DEFAULT '{}',
    "error" TEXT,

    CONSTRAINT "RetentionRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RetentionRun_job_startedAt_idx" ON "RetentionRun"("job", "startedAt");

-- CreateIndex
CREATE INDEX "RetentionRun_startedAt_idx" ON "RetentionRun"("startedAt");

