-- AlterTable
ALTER TABLE "StepUpRequirement" ADD COLUMN     "summary" TEXT;

-- AlterTable
ALTER TABLE "StepUpAuditEvent" ADD COLUMN     "procedure" TEXT;

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_type_createdAt_procedure_re_idx" ON "StepUpAuditEvent"("organizationId", "type", "createdAt", "procedure", "requirementId");

-- CreateIndex
CREATE INDEX "StepUpAuditEvent_organizationId_requirementId_type_secondsT_idx" ON "StepUpAuditEvent"("organizationId", "requirementId", "type", "secondsToVerify");

-- Hand-written backfill: the procedure of the existing stepup.required rows, from their JSON; the
-- append-only trigger is off only for this statement, inside the migration's one transaction.
ALTER TABLE "StepUpAuditEvent" DISABLE TRIGGER "StepUpAuditEvent_no_update";
UPDATE "StepUpAuditEvent" SET "procedure" = "data"->>'procedure' WHERE "type" = 'stepup.required';
ALTER TABLE "StepUpAuditEvent" ENABLE TRIGGER "StepUpAuditEvent_no_update";
