-- CreateTable
CREATE TABLE "StepUpAuditDay" (
    "organizationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("organizationId", "day", "type", "severity")
);

-- Daily rollups (StepUpAuditDay): a late row invalidates its day.
CREATE TRIGGER "StepUpAuditEvent_day_rollup_stale" AFTER INSERT ON "StepUpAuditEvent"
BEGIN
    DELETE FROM "StepUpAuditDay" WHERE "organizationId" = NEW."organizationId" AND "day" = NEW."day";
END;
