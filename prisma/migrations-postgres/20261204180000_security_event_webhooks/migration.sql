-- CreateTable
CREATE TABLE "StepUpWebhookEndpoint" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secretEncrypted" TEXT NOT NULL,
    "events" JSONB NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StepUpWebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StepUpWebhookDelivery" (
    "id" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "endpointId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "lastStatus" INTEGER,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StepUpWebhookDelivery_pkey" PRIMARY KEY ("id")
);

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
