-- CreateTable
CREATE TABLE "StepUpLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "count" INTEGER NOT NULL DEFAULT 0,
    "windowEndsAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StepUpRevision" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "value" INTEGER NOT NULL DEFAULT 0
);
