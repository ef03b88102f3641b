-- DropIndex
DROP INDEX "TotpCredential_userId_key";

-- DropIndex
DROP INDEX "Passkey_credentialId_key";

-- DropIndex
DROP INDEX "Passkey_userId_idx";

-- DropIndex
DROP INDEX "BackupCode_userId_codeHash_key";

-- DropIndex
DROP INDEX "RememberedDevice_tokenHash_key";

-- DropIndex
DROP INDEX "RememberedDevice_userId_expiresAt_idx";

-- DropIndex
DROP INDEX "Policy_organizationId_enabled_idx";

-- DropIndex
DROP INDEX "AuditEvent_organizationId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_organizationId_type_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_organizationId_severity_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_organizationId_userId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_userId_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_type_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_userId_ip_createdAt_idx";

-- DropIndex
DROP INDEX "AuditEvent_userId_userAgent_createdAt_idx";

-- DropIndex
DROP INDEX "EnrollmentChallenge_sessionId_kind_idx";

-- DropIndex
DROP INDEX "EnrollmentChallenge_expiresAt_idx";

-- CreateTable
CREATE TABLE "StepUpSession" (
    "sessionId" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "grants" JSONB NOT NULL DEFAULT [],
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StepUpTotpCredential" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "confirmedAt" DATETIME,
    "lastUsedStep" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StepUpPasskey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "credentialId" TEXT NOT NULL,
    "publicKey" BLOB NOT NULL,
    "counter" INTEGER NOT NULL DEFAULT 0,
    "transports" TEXT,
    "deviceType" TEXT,
    "backedUp" BOOLEAN NOT NULL DEFAULT false,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StepUpBackupCode" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StepUpRememberedDevice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "level" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "ip" TEXT,
    "userAgentFamily" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "lastUsedAt" DATETIME,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "StepUpPolicy" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "organizationId" TEXT,
    "userId" TEXT,
    "priority" INTEGER NOT NULL DEFAULT 0,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "mode" TEXT NOT NULL DEFAULT 'enforce',
    "rules" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "StepUpAuditEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "userId" TEXT,
    "organizationId" TEXT,
    "actorId" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StepUpCallStat" (
    "day" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("day", "organizationId", "outcome")
);

-- CreateTable
CREATE TABLE "StepUpEnrollmentChallenge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- The step-up module owns its tables now (@step-up/next, schema fragment step-up.prisma): copy the rows
-- across, then drop the old tables. The per-session grant summary moves from "Session" to "StepUpSession".
INSERT INTO "StepUpTotpCredential" ("id", "userId", "secretEncrypted", "confirmedAt", "lastUsedStep", "createdAt") SELECT "id", "userId", "secretEncrypted", "confirmedAt", "lastUsedStep", "createdAt" FROM "TotpCredential";
DROP TABLE "TotpCredential";
INSERT INTO "StepUpPasskey" ("id", "userId", "credentialId", "publicKey", "counter", "transports", "deviceType", "backedUp", "name", "createdAt", "lastUsedAt") SELECT "id", "userId", "credentialId", "publicKey", "counter", "transports", "deviceType", "backedUp", "name", "createdAt", "lastUsedAt" FROM "Passkey";
DROP TABLE "Passkey";
INSERT INTO "StepUpBackupCode" ("id", "userId", "codeHash", "usedAt", "createdAt") SELECT "id", "userId", "codeHash", "usedAt", "createdAt" FROM "BackupCode";
DROP TABLE "BackupCode";
INSERT INTO "StepUpRememberedDevice" ("id", "userId", "tokenHash", "level", "label", "ip", "userAgentFamily", "createdAt", "expiresAt", "lastUsedAt", "revokedAt") SELECT "id", "userId", "tokenHash", "level", "label", "ip", "userAgentFamily", "createdAt", "expiresAt", "lastUsedAt", "revokedAt" FROM "RememberedDevice";
DROP TABLE "RememberedDevice";
INSERT INTO "StepUpPolicy" ("id", "name", "description", "organizationId", "userId", "priority", "enabled", "mode", "rules", "createdAt", "updatedAt") SELECT "id", "name", "description", "organizationId", "userId", "priority", "enabled", "mode", "rules", "createdAt", "updatedAt" FROM "Policy";
DROP TABLE "Policy";
INSERT INTO "StepUpAuditEvent" ("id", "type", "severity", "userId", "organizationId", "actorId", "ip", "userAgent", "data", "createdAt") SELECT "id", "type", "severity", "userId", "organizationId", "actorId", "ip", "userAgent", "data", "createdAt" FROM "AuditEvent";
DROP TABLE "AuditEvent";
INSERT INTO "StepUpCallStat" ("day", "organizationId", "outcome", "count") SELECT "day", "organizationId", "outcome", "count" FROM "ProtectedCallStat";
DROP TABLE "ProtectedCallStat";
INSERT INTO "StepUpEnrollmentChallenge" ("id", "userId", "sessionId", "kind", "payload", "expiresAt", "createdAt") SELECT "id", "userId", "sessionId", "kind", "payload", "expiresAt", "createdAt" FROM "EnrollmentChallenge";
DROP TABLE "EnrollmentChallenge";
INSERT INTO "StepUpSession" ("sessionId", "userId", "grants", "updatedAt") SELECT "id", "userId", "grantSummary", CURRENT_TIMESTAMP FROM "Session" WHERE "grantSummary" <> '[]';

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "activeOrganizationId" TEXT,
    "authenticatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Session_activeOrganizationId_fkey" FOREIGN KEY ("activeOrganizationId") REFERENCES "Organization" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Session" ("activeOrganizationId", "authenticatedAt", "createdAt", "expiresAt", "id", "ip", "tokenHash", "userAgent", "userId") SELECT "activeOrganizationId", "authenticatedAt", "createdAt", "expiresAt", "id", "ip", "tokenHash", "userAgent", "userId" FROM "Session";
DROP TABLE "Session";
ALTER TABLE "new_Session" RENAME TO "Session";
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
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
    "fulfilledAt" DATETIME
);
INSERT INTO "new_StepUpRequirement" ("callHash", "canRemember", "createdAt", "currentLevel", "degraded", "emailCodeExpiresAt", "emailCodeHash", "emailCodeSendCount", "emailCodeSentAt", "expiresAt", "failedAttempts", "fulfilledAt", "id", "matchedRules", "methods", "organizationId", "procedure", "reason", "rememberDevice", "requiredLevel", "sessionId", "status", "userId", "verifiedMethods", "webauthnChallenge") SELECT "callHash", "canRemember", "createdAt", "currentLevel", "degraded", "emailCodeExpiresAt", "emailCodeHash", "emailCodeSendCount", "emailCodeSentAt", "expiresAt", "failedAttempts", "fulfilledAt", "id", "matchedRules", "methods", "organizationId", "procedure", "reason", "rememberDevice", "requiredLevel", "sessionId", "status", "userId", "verifiedMethods", "webauthnChallenge" FROM "StepUpRequirement";
DROP TABLE "StepUpRequirement";
ALTER TABLE "new_StepUpRequirement" RENAME TO "StepUpRequirement";
CREATE INDEX "StepUpRequirement_userId_status_createdAt_idx" ON "StepUpRequirement"("userId", "status", "createdAt");
CREATE INDEX "StepUpRequirement_sessionId_status_idx" ON "StepUpRequirement"("sessionId", "status");
CREATE INDEX "StepUpRequirement_expiresAt_idx" ON "StepUpRequirement"("expiresAt");
CREATE TABLE "new_StepUpAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "requirementId" TEXT,
    "method" TEXT NOT NULL,
    "success" BOOLEAN NOT NULL,
    "failure" TEXT,
    "ip" TEXT,
    "userAgent" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "StepUpAttempt_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "StepUpRequirement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StepUpAttempt" ("createdAt", "failure", "id", "ip", "method", "requirementId", "success", "userAgent", "userId") SELECT "createdAt", "failure", "id", "ip", "method", "requirementId", "success", "userAgent", "userId" FROM "StepUpAttempt";
DROP TABLE "StepUpAttempt";
ALTER TABLE "new_StepUpAttempt" RENAME TO "StepUpAttempt";
CREATE INDEX "StepUpAttempt_userId_success_createdAt_idx" ON "StepUpAttempt"("userId", "success", "createdAt");
CREATE INDEX "StepUpAttempt_requirementId_idx" ON "StepUpAttempt"("requirementId");
CREATE TABLE "new_StepUpGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "sessionId" TEXT NOT NULL,
    "requirementId" TEXT,
    "level" TEXT NOT NULL,
    "methods" JSONB NOT NULL,
    "degraded" BOOLEAN NOT NULL DEFAULT false,
    "callHash" TEXT,
    "verifiedAt" DATETIME NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "consumedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "StepUpGrant_requirementId_fkey" FOREIGN KEY ("requirementId") REFERENCES "StepUpRequirement" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_StepUpGrant" ("callHash", "consumedAt", "degraded", "expiresAt", "id", "level", "methods", "requirementId", "revokedAt", "sessionId", "userId", "verifiedAt") SELECT "callHash", "consumedAt", "degraded", "expiresAt", "id", "level", "methods", "requirementId", "revokedAt", "sessionId", "userId", "verifiedAt" FROM "StepUpGrant";
DROP TABLE "StepUpGrant";
ALTER TABLE "new_StepUpGrant" RENAME TO "StepUpGrant";
CREATE UNIQUE INDEX "StepUpGrant_requirementId_key" ON "StepUpGrant"("requirementId");
CREATE INDEX "StepUpGrant_sessionId_expiresAt_idx" ON "StepUpGrant"("sessionId", "expiresAt");
CREATE INDEX "StepUpGrant_userId_verifiedAt_idx" ON "StepUpGrant"("userId", "verifiedAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "StepUpSession_userId_idx" ON "StepUpSession"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StepUpTotpCredential_userId_key" ON "StepUpTotpCredential"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StepUpPasskey_credentialId_key" ON "StepUpPasskey"("credentialId");

-- CreateIndex
CREATE INDEX "StepUpPasskey_userId_idx" ON "StepUpPasskey"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "StepUpBackupCode_userId_codeHash_key" ON "StepUpBackupCode"("userId", "codeHash");

-- CreateIndex
CREATE UNIQUE INDEX "StepUpRememberedDevice_tokenHash_key" ON "StepUpRememberedDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "StepUpRememberedDevice_userId_expiresAt_idx" ON "StepUpRememberedDevice"("userId", "expiresAt");

-- CreateIndex
CREATE INDEX "StepUpPolicy_organizationId_enabled_idx" ON "StepUpPolicy"("organizationId", "enabled");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_type_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "type", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_severity_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "severity", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_userId_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "userId", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_userId_createdAt_idx" ON "StepUpAuditEvent"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_type_createdAt_idx" ON "StepUpAuditEvent"("type", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_userId_ip_createdAt_idx" ON "StepUpAuditEvent"("userId", "ip", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_userId_userAgent_createdAt_idx" ON "StepUpAuditEvent"("userId", "userAgent", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpEnrollmentChallenge_sessionId_kind_idx" ON "StepUpEnrollmentChallenge"("sessionId", "kind");

-- CreateIndex
CREATE INDEX "StepUpEnrollmentChallenge_expiresAt_idx" ON "StepUpEnrollmentChallenge"("expiresAt");

-- Audit rows stay append-only (the triggers went with the old table).
CREATE TRIGGER "StepUpAuditEvent_no_update" BEFORE UPDATE ON "StepUpAuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'StepUpAuditEvent rows are append-only');
END;

CREATE TRIGGER "StepUpAuditEvent_no_delete" BEFORE DELETE ON "StepUpAuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'StepUpAuditEvent rows are append-only');
END;
