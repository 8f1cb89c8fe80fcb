-- CreateTable
CREATE TABLE "PageViewCount" (
    "day" DATE NOT NULL,
    "route" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "PageViewCount_pkey" PRIMARY KEY ("day","route")
);

