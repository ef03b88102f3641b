import "server-only";
import { TRPCError } from "@trpc/server";
import type { Prisma } from "../../generated/prisma-types/client";
import type { Database, Transaction } from "../db";
import { rulesSchema, type Rule } from "../../engine";
import { auditOrigin, writeAudit } from "../audit/audit";
import { bumpPolicyRevision } from "../policies/policy-cache";
import { notFound, requireMember, type AdminScope, type Directory } from "./scope";

export type PolicyMode = "enforce" | "report_only";

export interface PolicyItem {
  id: string;
  name: string;
  description: string;
  scope: "global" | "organization" | "user";
  userId: string | null;
  userEmail: string | null;
  priority: number;
  enabled: boolean;
  mode: PolicyMode;
  rules: Rule[];
  /** Global policies are shared by every organization: visible, never editable by an org admin. */
  editable: boolean;
  updatedAt: Date;
}

export interface PolicyDraft {
  name: string;
  description: string;
  userId?: string | null | undefined;
  priority: number;
  enabled: boolean;
  mode: PolicyMode;
  rules: Rule[];
}

type PolicyRow = Prisma.StepUpPolicyGetPayload<object>;

function toItem(row: PolicyRow, emails: Map<string, string>): PolicyItem {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    scope: row.organizationId === null ? "global" : row.userId ? "user" : "organization",
    userId: row.userId,
    userEmail: row.userId ? (emails.get(row.userId) ?? null) : null,
    priority: row.priority,
    enabled: row.enabled,
    mode: row.mode === "report_only" ? "report_only" : "enforce",
    // Stored rules that no longer parse are shown as none rather than failing the whole list.
    rules: rulesSchema.safeParse(row.rules).data ?? [],
    editable: row.organizationId !== null,
    updatedAt: row.updatedAt,
  };
}

/** Global policies and the organization's own, highest priority first. */
export async function listPolicies(db: Database, organizationId: string, directory: Directory): Promise<PolicyItem[]> {
  const rows = await db.stepUpPolicy.findMany({
    where: { OR: [{ organizationId: null }, { organizationId }] },
    orderBy: [{ priority: "desc" }, { name: "asc" }],
  });
  const emails = await directory.emailsOf(rows.map((row) => row.userId));
  return rows.map((row) => toItem(row, emails));
}

export async function getPolicy(
  db: Database | Transaction,
  organizationId: string,
  id: string,
  directory: Directory,
): Promise<PolicyItem> {
  const row = await db.stepUpPolicy.findFirst({ where: { id, OR: [{ organizationId: null }, { organizationId }] } });
  if (!row) throw notFound("policy");
  return toItem(row, await directory.emailsOf([row.userId]));
}

async function requireEditable(tx: Transaction, scope: AdminScope, id: string): Promise<PolicyItem> {
  const policy = await getPolicy(tx, scope.organizationId, id, scope.directory);
  if (!policy.editable) throw new TRPCError({ code: "FORBIDDEN", message: "Global policies are read-only" });
  return policy;
}

function dataOf(draft: PolicyDraft) {
  return {
    name: draft.name,
    description: draft.description,
    userId: draft.userId ?? null,
    priority: draft.priority,
    enabled: draft.enabled,
    mode: draft.mode,
    rules: draft.rules as Prisma.InputJsonValue,
  };
}

function snapshot(policy: PolicyItem | null): Prisma.InputJsonValue | null {
  if (!policy) return null;
  const { userEmail: _email, editable: _editable, updatedAt: _updatedAt, ...rest } = policy;
  return JSON.parse(JSON.stringify(rest)) as Prisma.InputJsonValue;
}

/** Every change writes `stepup.policy_changed` with before and after, in the same transaction. */
async function auditChange(
  tx: Transaction,
  scope: AdminScope,
  change: { action: string; before: PolicyItem | null; after: PolicyItem | null },
) {
  await writeAudit(tx, {
    type: "stepup.policy_changed",
    ...auditOrigin({ ...scope, userId: scope.adminId }),
    data: {
      action: change.action,
      policyId: (change.after ?? change.before)?.id ?? null,
      before: snapshot(change.before),
      after: snapshot(change.after),
    },
  });
}

async function checkUserScope(db: Database, scope: AdminScope, draft: PolicyDraft): Promise<void> {
  if (draft.userId) await requireMember(scope.directory, scope.organizationId, draft.userId);
}

export async function createPolicy(db: Database, scope: AdminScope, draft: PolicyDraft): Promise<PolicyItem> {
  await checkUserScope(db, scope, draft);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.stepUpPolicy.create({
      data: { ...dataOf(draft), organizationId: scope.organizationId, createdAt: scope.now },
    });
    const after = toItem(row, await scope.directory.emailsOf([row.userId]));
    await auditChange(tx, scope, { action: "created", before: null, after });
    await bumpPolicyRevision(tx);
    return after;
  });
  return created;
}

export async function updatePolicy(
  db: Database,
  scope: AdminScope,
  id: string,
  draft: PolicyDraft,
): Promise<PolicyItem> {
  await checkUserScope(db, scope, draft);
  return changePolicy(db, scope, id, "updated", dataOf(draft));
}

export async function setPolicyEnabled(
  db: Database,
  scope: AdminScope,
  id: string,
  enabled: boolean,
): Promise<PolicyItem> {
  return changePolicy(db, scope, id, enabled ? "enabled" : "disabled", { enabled });
}

async function changePolicy(
  db: Database,
  scope: AdminScope,
  id: string,
  action: string,
  data: Prisma.StepUpPolicyUncheckedUpdateInput,
): Promise<PolicyItem> {
  const updated = await db.$transaction(async (tx) => {
    const before = await requireEditable(tx, scope, id);
    const row = await tx.stepUpPolicy.update({ where: { id }, data });
    const after = toItem(row, await scope.directory.emailsOf([row.userId]));
    await auditChange(tx, scope, { action, before, after });
    await bumpPolicyRevision(tx);
    return after;
  });
  return updated;
}

export async function deletePolicy(db: Database, scope: AdminScope, id: string): Promise<{ deleted: true }> {
  await db.$transaction(async (tx) => {
    const before = await requireEditable(tx, scope, id);
    await tx.stepUpPolicy.delete({ where: { id } });
    await auditChange(tx, scope, { action: "deleted", before, after: null });
    await bumpPolicyRevision(tx);
  });
  return { deleted: true };
}
