-- CreateTable
CREATE TABLE "StepUpAuditDay" (
    "organizationId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "StepUpAuditDay_pkey" PRIMARY KEY ("organizationId","day","type","severity")
);

-- Daily rollups (StepUpAuditDay): a late row invalidates its day.
CREATE OR REPLACE FUNCTION "StepUpAuditEvent_day_rollup_stale"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "StepUpAuditDay" WHERE "organizationId" = NEW."organizationId" AND "day" = NEW."day";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "StepUpAuditEvent_day_rollup_stale" AFTER INSERT ON "StepUpAuditEvent"
    FOR EACH ROW EXECUTE FUNCTION "StepUpAuditEvent_day_rollup_stale"();
