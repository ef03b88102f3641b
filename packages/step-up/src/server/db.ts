import "server-only";
import type { PrismaClient } from "../generated/prisma-types/client";

/**
 * The module's view of the host's Prisma client. The host passes its own client (generated from a
 * schema that includes step-up.prisma); its step-up delegates behave exactly like the module's own
 * generated ones, but TypeScript cannot prove two generated clients equal, so the host's client is
 * checked at start-up (`checkDatabase`) and used through this type.
 */
export type Database = PrismaClient;
export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** The delegates the module reads and writes: one per model of step-up.prisma. */
export const STEP_UP_MODELS = [
  "stepUpSession",
  "stepUpTotpCredential",
  "stepUpPasskey",
  "stepUpBackupCode",
  "stepUpRequirement",
  "stepUpAttempt",
  "stepUpGrant",
  "stepUpRememberedDevice",
  "stepUpPolicy",
  "stepUpAuditEvent",
  "stepUpCallStat",
  "stepUpEnrollmentChallenge",
  "stepUpLimit",
  "stepUpRevision",
  "stepUpWebhookEndpoint",
  "stepUpWebhookDelivery",
] as const;

/** What `createStepUp({ db })` accepts: any Prisma client whose schema includes step-up.prisma. */
export type StepUpPrismaClient = { [K in (typeof STEP_UP_MODELS)[number]]: object } & { $transaction: unknown };

/**
 * Where the instance's writes go when you pass `{ tx }`: your PrismaClient or the `tx` of your interactive
 * transaction (`db.$transaction(async (tx) => …)`), whose schema includes step-up.prisma.
 */
export type StepUpTransaction = { [K in (typeof STEP_UP_MODELS)[number]]: object };

/** Fails loudly when the host's client lacks the step-up models (the fragment was not copied in). */
export function checkDatabase(db: unknown): Database {
  const client = db as Record<string, unknown> | null;
  if (!client || typeof client.$transaction !== "function")
    throw new Error("createStepUp: `db` must be your PrismaClient");
  const missing = STEP_UP_MODELS.filter((model) => typeof client[model] !== "object" || client[model] === null);
  if (missing.length > 0)
    throw new Error(
      `createStepUp: your Prisma client has no ${missing.join(", ")}. Copy node_modules/@step-up/next/prisma/step-up.prisma into your Prisma schema folder, create a migration and run prisma generate.`,
    );
  return db as Database;
}
