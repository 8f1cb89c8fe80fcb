-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "showComments" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "showFavouritesCount" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "showPublicFolders" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "showResources" BOOLEAN NOT NULL DEFAULT true;

