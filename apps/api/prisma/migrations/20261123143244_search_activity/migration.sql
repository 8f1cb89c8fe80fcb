-- AlterEnum
ALTER TYPE "NotificationType" ADD VALUE 'saved_search_match';

-- AlterTable
ALTER TABLE "Member" ADD COLUMN     "searchHistoryPaused" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "matchCount" INTEGER,
ADD COLUMN     "savedSearchId" UUID;

-- CreateTable
CREATE TABLE "SearchHistoryEntry" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "filters" JSONB NOT NULL,
    "filtersKey" TEXT NOT NULL,
    "resultCount" INTEGER NOT NULL,
    "searchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SearchHistoryEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchQueryStat" (
    "day" DATE NOT NULL,
    "query" TEXT NOT NULL,
    "searches" INTEGER NOT NULL DEFAULT 0,
    "zeroResultSearches" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SearchQueryStat_pkey" PRIMARY KEY ("day","query")
);

-- CreateTable
CREATE TABLE "SavedSearch" (
    "id" UUID NOT NULL,
    "memberId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "filters" JSONB NOT NULL,
    "alert" BOOLEAN NOT NULL DEFAULT true,
    "lastAlertedAt" TIMESTAMP(3),
    "alertsCheckedUntil" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SearchHistoryEntry_memberId_searchedAt_id_idx" ON "SearchHistoryEntry"("memberId", "searchedAt", "id");

-- CreateIndex
CREATE INDEX "SearchHistoryEntry_searchedAt_idx" ON "SearchHistoryEntry"("searchedAt");

-- CreateIndex
CREATE INDEX "SavedSearch_memberId_createdAt_idx" ON "SavedSearch"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "SavedSearch_alert_alertsCheckedUntil_idx" ON "SavedSearch"("alert", "alertsCheckedUntil");

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_savedSearchId_fkey" FOREIGN KEY ("savedSearchId") REFERENCES "SavedSearch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SearchHistoryEntry" ADD CONSTRAINT "SearchHistoryEntry_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SavedSearch" ADD CONSTRAINT "SavedSearch_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

