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
CREATE TABLE "StepUpRequirement" (
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
    "summary" TEXT,
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

-- CreateTable
CREATE TABLE "StepUpAttempt" (
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

-- CreateTable
CREATE TABLE "StepUpGrant" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "day" TEXT NOT NULL,
    "requirementId" TEXT,
    "secondsToVerify" REAL,
    "procedure" TEXT
);

-- CreateTable
CREATE TABLE "StepUpAuditDay" (
    "organizationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("organizationId", "day", "type", "severity")
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

-- CreateTable
CREATE TABLE "StepUpWebhookEndpoint" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organizationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "StepUpWebhookDelivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "eventId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "lastStatus" INTEGER,
    "deliveredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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
CREATE INDEX "StepUpRequirement_userId_status_createdAt_idx" ON "StepUpRequirement"("userId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpRequirement_sessionId_status_idx" ON "StepUpRequirement"("sessionId", "status");

-- CreateIndex
CREATE INDEX "StepUpRequirement_expiresAt_idx" ON "StepUpRequirement"("expiresAt");

-- CreateIndex
CREATE INDEX "StepUpAttempt_userId_success_createdAt_idx" ON "StepUpAttempt"("userId", "success", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAttempt_requirementId_idx" ON "StepUpAttempt"("requirementId");

-- CreateIndex
CREATE UNIQUE INDEX "StepUpGrant_requirementId_key" ON "StepUpGrant"("requirementId");

-- CreateIndex
CREATE INDEX "StepUpGrant_sessionId_expiresAt_idx" ON "StepUpGrant"("sessionId", "expiresAt");

-- CreateIndex
CREATE INDEX "StepUpGrant_userId_verifiedAt_idx" ON "StepUpGrant"("userId", "verifiedAt");

-- CreateIndex
CREATE UNIQUE INDEX "StepUpRememberedDevice_tokenHash_key" ON "StepUpRememberedDevice"("tokenHash");

-- CreateIndex
CREATE INDEX "StepUpRememberedDevice_userId_expiresAt_idx" ON "StepUpRememberedDevice"("userId", "expiresAt");

-- CreateIndex
CREATE INDEX "StepUpPolicy_organizationId_enabled_idx" ON "StepUpPolicy"("organizationId", "enabled");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_type_createdAt_procedure_requirementId_idx" ON "StepUpAuditEvent"("organizationId", "type", "createdAt", "procedure", "requirementId");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_requirementId_type_secondsToVerify_idx" ON "StepUpAuditEvent"("organizationId", "requirementId", "type", "secondsToVerify");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_type_day_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "type", "day", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_type_createdAt_requirementId_secondsToVerify_idx" ON "StepUpAuditEvent"("organizationId", "type", "createdAt", "requirementId", "secondsToVerify");

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

-- CreateIndex
CREATE INDEX "StepUpWebhookEndpoint_organizationId_enabled_idx" ON "StepUpWebhookEndpoint"("organizationId", "enabled");

-- CreateIndex
CREATE INDEX "StepUpWebhookDelivery_status_nextAttemptAt_idx" ON "StepUpWebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "StepUpWebhookDelivery_organizationId_createdAt_idx" ON "StepUpWebhookDelivery"("organizationId", "createdAt");

-- CreateIndex
CREATE INDEX "StepUpWebhookDelivery_endpointId_createdAt_idx" ON "StepUpWebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "StepUpWebhookDelivery_eventId_endpointId_key" ON "StepUpWebhookDelivery"("eventId", "endpointId");

