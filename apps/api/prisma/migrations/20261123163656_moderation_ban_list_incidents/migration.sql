-- CreateEnum
CREATE TYPE "ReportCategory" AS ENUM ('spam', 'copyright', 'inappropriate', 'harassment', 'privacy', 'other');

-- CreateEnum
CREATE TYPE "ModerationAction" AS ENUM ('dismiss', 'hide', 'remove', 'warn', 'suspend', 'ban', 'approve', 'reject');

-- CreateEnum
CREATE TYPE "AppealStatus" AS ENUM ('open', 'upheld', 'overturned');

-- CreateEnum
CREATE TYPE "IncidentStatus" AS ENUM ('open', 'closed');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ResourceState" ADD VALUE 'pending_review';
ALTER TYPE "ResourceState" ADD VALUE 'rejected';

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "banListRight" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "suspendedUntil" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Report" ADD COLUMN     "assignedToId" UUID,
ADD COLUMN     "category" "ReportCategory" NOT NULL DEFAULT 'other',
ADD COLUMN     "decisionId" UUID;

-- CreateTable
CREATE TABLE "ModerationDecision" (
    "id" UUID NOT NULL,
    "targetType" "ReportTarget" NOT NULL,
    "targetId" UUID NOT NULL,
    "action" "ModerationAction" NOT NULL,
    "reasons" TEXT NOT NULL,
    "ground" TEXT NOT NULL,
    "suspendedUntil" TIMESTAMP(3),
    "moderatorId" UUID,
    "memberId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModerationDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Appeal" (
    "id" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "memberId" UUID,
    "text" TEXT NOT NULL,
    "status" "AppealStatus" NOT NULL DEFAULT 'open',
    "decidedById" UUID,
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMP(3),

    CONSTRAINT "Appeal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BanEntry" (
    "id" UUID NOT NULL,
    "exactHash" TEXT NOT NULL,
    "canonicalHash" TEXT NOT NULL,
    "sealedEmail" TEXT,
    "reason" TEXT NOT NULL,
    "addedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BanEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformSetting" (
    "key" TEXT NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedById" UUID,

    CONSTRAINT "PlatformSetting_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Incident" (
    "id" UUID NOT NULL,
    "foundAt" TIMESTAMP(3) NOT NULL,
    "occurredAt" TIMESTAMP(3),
    "nature" TEXT NOT NULL,
    "cause" TEXT NOT NULL,
    "measures" TEXT NOT NULL,
    "dataCategories" TEXT[],
    "peopleAffected" INTEGER,
    "recordsAffected" INTEGER,
    "authorityNotifiedAt" TIMESTAMP(3),
    "peopleNotifiedAt" TIMESTAMP(3),
    "status" "IncidentStatus" NOT NULL DEFAULT 'open',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Incident_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModerationDecision_targetType_targetId_idx" ON "ModerationDecision"("targetType", "targetId");

-- CreateIndex
CREATE INDEX "ModerationDecision_memberId_createdAt_idx" ON "ModerationDecision"("memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appeal_decisionId_key" ON "Appeal"("decisionId");

-- CreateIndex
CREATE INDEX "Appeal_status_createdAt_idx" ON "Appeal"("status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "BanEntry_exactHash_key" ON "BanEntry"("exactHash");

-- CreateIndex
CREATE INDEX "BanEntry_canonicalHash_idx" ON "BanEntry"("canonicalHash");

-- CreateIndex
CREATE INDEX "Incident_foundAt_idx" ON "Incident"("foundAt");

-- CreateIndex
CREATE INDEX "Report_assignedToId_status_idx" ON "Report"("assignedToId", "status");

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_assignedToId_fkey" FOREIGN KEY ("assignedToId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Report" ADD CONSTRAINT "Report_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ModerationDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationDecision" ADD CONSTRAINT "ModerationDecision_moderatorId_fkey" FOREIGN KEY ("moderatorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModerationDecision" ADD CONSTRAINT "ModerationDecision_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "ModerationDecision"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Appeal" ADD CONSTRAINT "Appeal_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BanEntry" ADD CONSTRAINT "BanEntry_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlatformSetting" ADD CONSTRAINT "PlatformSetting_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Incident" ADD CONSTRAINT "Incident_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

