-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "emailAddress" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "passwordDigest" TEXT NOT NULL,
    "plan" TEXT NOT NULL DEFAULT 'starter',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "LoginSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "secretHash" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "signedInAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires" DATETIME NOT NULL,
    CONSTRAINT "LoginSession_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Account_emailAddress_key" ON "Account"("emailAddress");

-- CreateIndex
CREATE UNIQUE INDEX "LoginSession_secretHash_key" ON "LoginSession"("secretHash");

-- CreateIndex
CREATE INDEX "LoginSession_accountId_idx" ON "LoginSession"("accountId");
