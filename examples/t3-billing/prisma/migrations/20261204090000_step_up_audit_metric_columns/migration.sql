-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_StepUpAuditEvent" (
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
    "secondsToVerify" REAL
);
-- Hand-written backfill: the day from the stored ISO text, the requirement from the JSON, and on
-- stepup.verified the seconds since the same requirement's stepup.required row.
INSERT INTO "new_StepUpAuditEvent" ("actorId", "createdAt", "data", "id", "ip", "organizationId", "severity", "type", "userAgent", "userId", "day", "requirementId", "secondsToVerify")
SELECT e."actorId", e."createdAt", e."data", e."id", e."ip", e."organizationId", e."severity", e."type", e."userAgent", e."userId",
       substr(e."createdAt", 1, 10),
       json_extract(e."data", '$.requirementId'),
       CASE WHEN e."type" = 'stepup.verified' THEN (
         SELECT (julianday(e."createdAt") - julianday(r."createdAt")) * 86400.0 FROM "StepUpAuditEvent" r
         WHERE r."type" = 'stepup.required' AND json_extract(r."data", '$.requirementId') = json_extract(e."data", '$.requirementId')
         ORDER BY r."createdAt" LIMIT 1) END
FROM "StepUpAuditEvent" e;
DROP TABLE "StepUpAuditEvent";
ALTER TABLE "new_StepUpAuditEvent" RENAME TO "StepUpAuditEvent";
CREATE INDEX "StepUpAuditEvent_organizationId_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "createdAt");
CREATE INDEX "StepUpAuditEvent_organizationId_type_day_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "type", "day", "createdAt");
CREATE INDEX "StepUpAuditEvent_organizationId_type_createdAt_requirementId_secondsToVerify_idx" ON "StepUpAuditEvent"("organizationId", "type", "createdAt", "requirementId", "secondsToVerify");
CREATE INDEX "StepUpAuditEvent_organizationId_severity_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "severity", "createdAt");
CREATE INDEX "StepUpAuditEvent_organizationId_userId_createdAt_idx" ON "StepUpAuditEvent"("organizationId", "userId", "createdAt");
CREATE INDEX "StepUpAuditEvent_userId_createdAt_idx" ON "StepUpAuditEvent"("userId", "createdAt");
CREATE INDEX "StepUpAuditEvent_type_createdAt_idx" ON "StepUpAuditEvent"("type", "createdAt");
CREATE INDEX "StepUpAuditEvent_userId_ip_createdAt_idx" ON "StepUpAuditEvent"("userId", "ip", "createdAt");
CREATE INDEX "StepUpAuditEvent_userId_userAgent_createdAt_idx" ON "StepUpAuditEvent"("userId", "userAgent", "createdAt");
-- Hand-written: the table was rebuilt, so its append-only triggers are created again.
CREATE TRIGGER "StepUpAuditEvent_no_update" BEFORE UPDATE ON "StepUpAuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'StepUpAuditEvent rows are append-only');
END;
CREATE TRIGGER "StepUpAuditEvent_no_delete" BEFORE DELETE ON "StepUpAuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'StepUpAuditEvent rows are append-only');
END;
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
