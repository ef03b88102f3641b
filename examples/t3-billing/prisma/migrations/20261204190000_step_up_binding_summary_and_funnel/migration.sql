-- AlterTable
ALTER TABLE "StepUpRequirement" ADD COLUMN "summary" TEXT;

-- AlterTable
ALTER TABLE "StepUpAuditEvent" ADD COLUMN "procedure" TEXT;

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_type_createdAt_procedure_requirementId_idx" ON "StepUpAuditEvent"("organizationId", "type", "createdAt", "procedure", "requirementId");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_requirementId_type_secondsToVerify_idx" ON "StepUpAuditEvent"("organizationId", "requirementId", "type", "secondsToVerify");

-- Hand-written backfill: the procedure of the existing stepup.required rows, from their JSON. The
-- append-only trigger is lifted for this one statement and created again as it was.
DROP TRIGGER "StepUpAuditEvent_no_update";
UPDATE "StepUpAuditEvent" SET "procedure" = json_extract("data", '$.procedure') WHERE "type" = 'stepup.required';
CREATE TRIGGER "StepUpAuditEvent_no_update" BEFORE UPDATE ON "StepUpAuditEvent"
BEGIN
    SELECT RAISE(ABORT, 'StepUpAuditEvent rows are append-only');
END;
