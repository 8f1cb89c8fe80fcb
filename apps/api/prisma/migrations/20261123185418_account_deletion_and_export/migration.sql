-- CreateEnum
CREATE TYPE "AccountDeletionStatus" AS ENUM ('scheduled', 'cancelled', 'running', 'completed');

-- CreateEnum
CREATE TYPE "AccountDeletionReason" AS ENUM ('member_request', 'inactivity');

-- CreateEnum
CREATE TYPE "DataExportStatus" AS ENUM ('queued', 'running', 'ready', 'failed', 'expired');

-- AlterEnum
ALTER TYPE "AccountStatus" ADD VALUE 'deletion_pending';

-- DropForeignKey
ALTER TABLE "Conversation" DROP CONSTRAINT "Conversation_memberAId_fkey";

-- DropForeignKey
ALTER TABLE "Conversation" DROP CONSTRAINT "Conversation_memberBId_fkey";

-- AlterTable
ALTER TABLE "Conversation" ALTER COLUMN "memberAId" DROP NOT NULL,
ALTER COLUMN "memberBId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "AccountDeletion" (
    "id" UUID NOT NULL,
    "memberId" UUID,
    "status" "AccountDeletionStatus" NOT NULL DEFAULT 'scheduled',
    "reason" "AccountDeletionReason" NOT NULL DEFAULT 'member_request',
    "keepContributions" BOOLEAN NOT NULL DEFAULT true,
    "requestedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "executeAfter" TIMESTAMP(3) NOT NULL,
    "cancelTokenHash" TEXT,
    "step" TEXT NOT NULL DEFAULT 'start',
    "processedRows" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "AccountDeletion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeletionLedgerEntry" (
    "memberIdHash" TEXT NOT NULL,
    "keepContributions" BOOLEAN NOT NULL,
    "reason" "AccountDeletionReason" NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeletionLedgerEntry_pkey" PRIMARY KEY ("memberIdHash")
);

-- CreateTable
CREATE TABLE "FormerHandle" (
    "handleHash" TEXT NOT NULL,
    "deletedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FormerHandle_pkey" PRIMARY KEY ("handleHash")
);

-- CreateTable
CREATE TABLE "DataExport" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "status" "DataExportStatus" NOT NULL DEFAULT 'queued',
    "progress" INTEGER NOT NULL DEFAULT 0,
    "storageKey" TEXT,
    "size" BIGINT,
    "tokenHash" TEXT,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),

    CONSTRAINT "DataExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountDeletion_cancelTokenHash_key" ON "AccountDeletion"("cancelTokenHash");

-- CreateIndex
CREATE INDEX "AccountDeletion_status_executeAfter_idx" ON "AccountDeletion"("status", "executeAfter");

-- CreateIndex
CREATE INDEX "AccountDeletion_memberId_idx" ON "AccountDeletion"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "DataExport_storageKey_key" ON "DataExport"("storageKey");

-- CreateIndex
CREATE UNIQUE INDEX "DataExport_tokenHash_key" ON "DataExport"("tokenHash");

-- CreateIndex
CREATE INDEX "DataExport_memberId_createdAt_idx" ON "DataExport"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "DataExport_status_expiresAt_idx" ON "DataExport"("status", "expiresAt");

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_memberAId_fkey" FOREIGN KEY ("memberAId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Conversation" ADD CONSTRAINT "Conversation_memberBId_fkey" FOREIGN KEY ("memberBId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountDeletion" ADD CONSTRAINT "AccountDeletion_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataExport" ADD CONSTRAINT "DataExport_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

