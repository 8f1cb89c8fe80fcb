-- CreateEnum
CREATE TYPE "FolderVisibility" AS ENUM ('private', 'link', 'public');

-- AlterTable
ALTER TABLE "Resource" ADD COLUMN     "favouriteCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ratingSum" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "Favourite" (
    "memberId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Favourite_pkey" PRIMARY KEY ("memberId","resourceId")
);

-- CreateTable
CREATE TABLE "Folder" (
    "id" UUID NOT NULL,
    "ownerId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "visibility" "FolderVisibility" NOT NULL DEFAULT 'private',
    "shareToken" TEXT,
    "coverResourceId" UUID,
    "followerCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Folder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FolderItem" (
    "folderId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "addedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FolderItem_pkey" PRIMARY KEY ("folderId","resourceId")
);

-- CreateTable
CREATE TABLE "FolderFollow" (
    "memberId" UUID NOT NULL,
    "folderId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FolderFollow_pkey" PRIMARY KEY ("memberId","folderId")
);

-- CreateTable
CREATE TABLE "Rating" (
    "memberId" UUID NOT NULL,
    "resourceId" UUID NOT NULL,
    "score" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Rating_pkey" PRIMARY KEY ("memberId","resourceId")
);

-- CreateIndex
CREATE INDEX "Favourite_resourceId_idx" ON "Favourite"("resourceId");

-- CreateIndex
CREATE INDEX "Favourite_memberId_createdAt_idx" ON "Favourite"("memberId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Folder_shareToken_key" ON "Folder"("shareToken");

-- CreateIndex
CREATE INDEX "Folder_ownerId_updatedAt_idx" ON "Folder"("ownerId", "updatedAt");

-- CreateIndex
CREATE INDEX "Folder_visibility_idx" ON "Folder"("visibility");

-- CreateIndex
CREATE INDEX "FolderItem_folderId_position_idx" ON "FolderItem"("folderId", "position");

-- CreateIndex
CREATE INDEX "FolderItem_resourceId_idx" ON "FolderItem"("resourceId");

-- CreateIndex
CREATE INDEX "FolderFollow_folderId_idx" ON "FolderFollow"("folderId");

-- CreateIndex
CREATE INDEX "Rating_resourceId_idx" ON "Rating"("resourceId");

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Favourite" ADD CONSTRAINT "Favourite_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Folder" ADD CONSTRAINT "Folder_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Folder" ADD CONSTRAINT "Folder_coverResourceId_fkey" FOREIGN KEY ("coverResourceId") REFERENCES "Resource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FolderItem" ADD CONSTRAINT "FolderItem_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FolderItem" ADD CONSTRAINT "FolderItem_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FolderFollow" ADD CONSTRAINT "FolderFollow_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FolderFollow" ADD CONSTRAINT "FolderFollow_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "Folder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Rating" ADD CONSTRAINT "Rating_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "Resource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

