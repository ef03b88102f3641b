-- CreateTable
CREATE TABLE "ProtectedCallStat" (
    "day" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "organizationId", "outcome")
);

-- CreateTable
CREATE TABLE "EnrollmentChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "EnrollmentChallenge_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StepUpRequirement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "organizationId" TEXT,
    "procedure" TEXT NOT NULL,
    "requiredLevel" TEXT NOT NULL,
    "currentLevel" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "matchedRules" JSONB NOT NULL,
    "methods" JSONB NOT NULL,
    "degraded" BOOLEAN NOT NULL DEFAULT false,
    "callHash" TEXT,
    "canRemember" BOOLEAN NOT NULL DEFAULT false,
    "rememberDevice" BOOLEAN NOT NULL DEFAULT false,
    "verifiedMethods" JSONB NOT NULL DEFAULT [],
    "status" TEXT NOT NULL DEFAULT 'pending',
    "failedAttempts" INTEGER NOT NULL DEFAULT 0,
    "webauthnChallenge" TEXT,
    "emailCodeHash" TEXT,
    "emailCodeSentAt" DATETIME,
    "emailCodeExpiresAt" DATETIME,
    "emailCodeSendCount" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fulfilledAt" DATETIME,
    CONSTRAINT "StepUpRequirement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_StepUpRequirement" ("callHash", "canRemember", "createdAt", "currentLevel", "degraded", "emailCodeHash", "emailCodeSentAt", "expiresAt", "failedAttempts", "fulfilledAt", "id", "matchedRules", "methods", "organizationId", "procedure", "reason", "rememberDevice", "requiredLevel", "sessionId", "status", "userId", "verifiedMethods", "webauthnChallenge") SELECT "callHash", "canRemember", "createdAt", "currentLevel", "degraded", "emailCodeHash", "emailCodeSentAt", "expiresAt", "failedAttempts", "fulfilledAt", "id", "matchedRules", "methods", "organizationId", "procedure", "reason", "rememberDevice", "requiredLevel", "sessionId", "status", "userId", "verifiedMethods", "webauthnChallenge" FROM "StepUpRequirement";
DROP TABLE "StepUpRequirement";
ALTER TABLE "new_StepUpRequirement" RENAME TO "StepUpRequirement";
CREATE INDEX "StepUpRequirement_userId_status_createdAt_idx" ON "StepUpRequirement"("userId", "status", "createdAt");
CREATE INDEX "StepUpRequirement_sessionId_status_idx" ON "StepUpRequirement"("sessionId", "status");
CREATE INDEX "StepUpRequirement_expiresAt_idx" ON "StepUpRequirement"("expiresAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EnrollmentChallenge_sessionId_kind_idx" ON "EnrollmentChallenge"("sessionId", "kind");

-- CreateIndex
CREATE INDEX "EnrollmentChallenge_expiresAt_idx" ON "EnrollmentChallenge"("expiresAt");

-- CreateIndex
CREATE INDEX "OutboxEmail_to_createdAt_idx" ON "OutboxEmail"("to", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_type_createdAt_idx" ON "AuditEvent"("organizationId", "type", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_severity_createdAt_idx" ON "AuditEvent"("organizationId", "severity", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_organizationId_userId_createdAt_idx" ON "AuditEvent"("organizationId", "userId", "createdAt");
