import "server-only";
import { z } from "zod/v4";
import {
  methodSchema,
  stepUpLevelSchema,
  type Combination,
  type Decision,
  type MethodId,
  type StepUpLevel,
} from "../../engine";
import type { Database, Transaction } from "../db";
import { auditOrigin, writeAudit } from "../audit/audit";

export interface RequestInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface RequirementRecord {
  id: string;
  userId: string;
  sessionId: string;
  organizationId: string | null;
  procedure: string;
  level: StepUpLevel;
  currentLevel: string;
  reason: string;
  methods: Combination[];
  verifiedMethods: MethodId[];
  degraded: boolean;
  callHash: string | null;
  /** Critical only: the operation as the dialog shows it; the passkey challenge commits to it (ADR 022). */
  summary: string | null;
  canRemember: boolean;
  status: "pending" | "fulfilled" | "expired" | "cancelled" | "bypassed";
  failedAttempts: number;
  expiresAt: Date;
  createdAt: Date;
  fulfilledAt: Date | null;
}

const combinationsSchema = z.array(z.array(methodSchema));
const verifiedMethodsSchema = z.array(methodSchema);
const statusSchema = z.enum(["pending", "fulfilled", "expired", "cancelled", "bypassed"]);

type RequirementRow = NonNullable<Awaited<ReturnType<Database["stepUpRequirement"]["findUnique"]>>>;

export function toRequirementRecord(row: RequirementRow): RequirementRecord {
  return {
    id: row.id,
    userId: row.userId,
    sessionId: row.sessionId,
    organizationId: row.organizationId,
    procedure: row.procedure,
    level: stepUpLevelSchema.parse(row.requiredLevel),
    currentLevel: row.currentLevel,
    reason: row.reason,
    methods: combinationsSchema.parse(row.methods),
    verifiedMethods: verifiedMethodsSchema.parse(row.verifiedMethods),
    degraded: row.degraded,
    callHash: row.callHash,
    summary: row.summary,
    canRemember: row.canRemember,
    status: statusSchema.parse(row.status),
    failedAttempts: row.failedAttempts,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    fulfilledAt: row.fulfilledAt,
  };
}

export interface CreateRequirementOptions {
  userId: string;
  sessionId: string;
  organizationId: string | null;
  procedure: string;
  decision: Decision & { level: StepUpLevel };
  callHash: string | null;
  summary: string | null;
  risk: number;
  request: RequestInfo;
  now: Date;
  ttlMs: number;
}

/** Persists a refused call and its `stepup.required` audit row in one transaction. */
export async function createRequirement(db: Database, options: CreateRequirementOptions): Promise<RequirementRecord> {
  const { decision, now } = options;
  return db.$transaction(async (tx) => {
    const row = await tx.stepUpRequirement.create({
      data: {
        userId: options.userId,
        sessionId: options.sessionId,
        organizationId: options.organizationId,
        procedure: options.procedure,
        requiredLevel: decision.level,
        currentLevel: decision.currentLevel,
        reason: decision.reason,
        matchedRules: decision.matchedRules.map((m) => ({ ...m })),
        methods: decision.methods.map((c) => [...c]),
        degraded: decision.degraded,
        callHash: options.callHash,
        summary: options.summary,
        canRemember: decision.canRemember,
        expiresAt: new Date(now.getTime() + options.ttlMs),
        createdAt: now,
      },
    });
    const audit = auditOrigin({ ...options, now });
    await writeAudit(tx, {
      ...audit,
      type: "stepup.required",
      data: {
        requirementId: row.id,
        procedure: options.procedure,
        level: decision.level,
        currentLevel: decision.currentLevel,
        reason: decision.reason,
        risk: options.risk,
        matchedRules: decision.matchedRules.map((m) => ({ policyId: m.policyId, kind: m.kind, level: m.level })),
      },
    });
    // onUnavailable "refuse": the user can complete no combination; the dialog explains and links to enrolment.
    if (decision.methods.length === 0) {
      await writeAudit(tx, {
        ...audit,
        type: "stepup.refused",
        data: { requirementId: row.id, level: decision.level, procedure: options.procedure },
      });
    }
    if (decision.degraded) {
      await writeAudit(tx, {
        ...audit,
        type: "stepup.degraded",
        data: { requirementId: row.id, level: decision.level, methods: decision.methods.map((c) => [...c]) },
      });
    }
    return toRequirementRecord(row);
  });
}

export async function getRequirement(db: Database, id: string): Promise<RequirementRecord | null> {
  const row = await db.stepUpRequirement.findUnique({ where: { id } });
  return row ? toRequirementRecord(row) : null;
}

/**
 * The first statement of every transaction that records a verified method: a write that changes nothing but
 * takes the requirement's row lock (PostgreSQL) or the write lock (SQLite), so concurrent recorders run one
 * after another; then the methods verified so far, read under that lock (ADR 028). Null: no longer pending.
 */
export async function lockPendingRequirement(tx: Transaction, id: string): Promise<MethodId[] | null> {
  const { count } = await tx.stepUpRequirement.updateMany({
    where: { id, status: "pending" },
    data: { status: "pending" },
  });
  if (count !== 1) return null;
  const row = await tx.stepUpRequirement.findUniqueOrThrow({ where: { id }, select: { verifiedMethods: true } });
  return verifiedMethodsSchema.parse(row.verifiedMethods);
}

/**
 * Closes requirements a grant now covers. Its own statement, after that grant's transaction: inside it, it
 * would lock other requirements' rows while holding its own, and two tabs' grants could deadlock (ADR 028).
 */
export async function fulfilRequirements(db: Database, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.stepUpRequirement.updateMany({
    where: { id: { in: [...ids].sort() }, status: "pending" },
    data: { status: "fulfilled", fulfilledAt: now },
  });
}

/** Marks a pending requirement expired (state only; returns whether it changed). */
export async function expireRequirement(db: Database, id: string): Promise<void> {
  await db.stepUpRequirement.updateMany({ where: { id, status: "pending" }, data: { status: "expired" } });
}
