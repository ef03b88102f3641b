-- Devices remembered before this column existed keep a null family and never bypass again; they
-- expire within the remember-device lifetime (24 h by default), so nobody is locked out for long.
-- AlterTable
ALTER TABLE "RememberedDevice" ADD COLUMN "userAgentFamily" TEXT;

-- The risk score's history lookups (src/step-up/server/store/risk-history.ts).
-- CreateIndex
CREATE INDEX "AuditEvent_userId_ip_createdAt_idx" ON "AuditEvent"("userId", "ip", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_userId_userAgent_createdAt_idx" ON "AuditEvent"("userId", "userAgent", "createdAt");
