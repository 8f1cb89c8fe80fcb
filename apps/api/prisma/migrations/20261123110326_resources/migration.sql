-- CreateEnum
CREATE TYPE "ResourceType" AS ENUM ('document', 'presentation', 'worksheet', 'exercise', 'video', 'audio', 'image', 'website', 'app');

-- CreateEnum
CREATE TYPE "ResourceState" AS ENUM ('draft', 'published', 'hidden', 'removed');

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "viewHistoryPaused" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "Resource" (
    "id" UUID NOT NULL,
    "authorId" UUID,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "type" "ResourceType" NOT NULL,
    "state" "ResourceState" NOT NULL DEFAULT 'draft',
    "link" TEXT,
    "language" TEXT NOT NULL DEFAULT 'nl',
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "licence" TEXT NOT NULL,
    "ageMin" INTEGER,
    "ageMax" INTEGER,
    "hiddenReason" TEXT,
    "hiddenById" UUID,
    "hiddenAt" TIMESTAMP(3),
    "viewCount" INTEGER NOT NULL DEFAULT 0,
    "downloadCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "publishedAt" TIMESTAMP(3),
    "removedAt" TIMESTAMP(3),

    CONSTRAINT "Resource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceFile" (
    "id" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "uploaderId" UUID,
    "storageKey" TEXT NOT NULL,
    "thumbnailKey" TEXT,
    "displayName" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "extension" TEXT NOT NULL,
    "previewKind" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResourceSubject" (
    "resourceId" UUID NOT NULL,
    "subjectKey" TEXT NOT NULL,

    CONSTRAINT "ResourceSubject_pkey" PRIMARY KEY ("resourceId","subjectKey")
);

-- CreateTable
CREATE TABLE "ResourceLevel" (
    "resourceId" UUID NOT NULL,
    "levelKey" TEXT NOT NULL,

    CONSTRAINT "ResourceLevel_pkey" PRIMARY KEY ("resourceId","levelKey")
);

-- CreateTable
CREATE TABLE "ResourceView" (
    "id" BIGSERIAL NOT NULL,
    "resourceId" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "viewedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ResourceView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Resource_state_publishedAt_idx" ON "Resource"("state", "publishedAt");

-- CreateIndex
CREATE INDEX "Resource_authorId_state_updatedAt_idx" ON "Resource"("authorId", "state", "updatedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ResourceFile_storageKey_key" ON "ResourceFile"("storageKey");

-- CreateIndex
CREATE INDEX "ResourceFile_resourceId_position_idx" ON "ResourceFile"("resourceId", "position");

-- CreateIndex
CREATE INDEX "ResourceFile_uploaderId_idx" ON "ResourceFile"("uploaderId");

-- CreateIndex
CREATE INDEX "ResourceSubject_subjectKey_idx" ON "ResourceSubject"("subjectKey");

-- CreateIndex
CREATE INDEX "ResourceLevel_levelKey_idx" ON "ResourceLevel"("levelKey");

-- CreateIndex
CREATE INDEX "ResourceView_memberId_viewedAt_idx" ON "ResourceView"("memberId", "viewedAt");

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Resource" ADD CONSTRAINT "Resource_hiddenById_fkey" FOREIGN KEY ("hiddenById") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceFile" ADD CONSTRAINT "ResourceFile_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceFile" ADD CONSTRAINT "ResourceFile_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "Member"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceSubject" ADD CONSTRAINT "ResourceSubject_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceSubject" ADD CONSTRAINT "ResourceSubject_subjectKey_fkey" FOREIGN KEY ("subjectKey") REFERENCES "Subject"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceLevel" ADD CONSTRAINT "ResourceLevel_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceLevel" ADD CONSTRAINT "ResourceLevel_levelKey_fkey" FOREIGN KEY ("levelKey") REFERENCES "EducationLevel"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceView" ADD CONSTRAINT "ResourceView_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResourceView" ADD CONSTRAINT "ResourceView_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

