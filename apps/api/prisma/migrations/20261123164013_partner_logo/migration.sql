-- AlterTable
ALTER TABLE "Partner" DROP COLUMN "logoUrl",
ADD COLUMN     "logo" BYTEA,
ADD COLUMN     "logoMimeType" TEXT;

