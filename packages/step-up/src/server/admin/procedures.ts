import "server-only";
import type { Procedures } from "../trpc";
import {
  isAtLeast,
  maxLevel,
  reachOfPolicies,
  type Level,
  type PolicySnapshot,
  type ProcedureShape,
} from "../../engine";
import type { CatalogEntry, StepUpProcedureInfo } from "../catalog";

/**
 * Last path segments that change credentials, money or data irreversibly (ADR 008). A mutation
 * named like this and not wrapped by stepUpProcedure is flagged; revoking or signing out is not,
 * since it only takes access away.
 */
const SENSITIVE_VERB =
  /^(delete|remove|destroy|change|transfer|withdraw|pay|reset|rotate|disable|export|grant|promote)/i;

export interface ProcedureRow {
  path: string;
  type: "query" | "mutation";
  /** The code's own minimum: stepUpProcedure's level, else "low" (signed in) or "none" (public). */
  declaredLevel: Level;
  auth: "public" | "signed_in" | "admin";
  /** Highest level the organization's current enforced policies can give it ("none" when no rule can). */
  policyLevel: Level;
  /** The most a call can be asked for; for unprotected procedures policies cannot act, so it is the declared level. */
  effectiveLevel: Level;
  protectedByStepUp: boolean;
  sensitiveButUnprotected: boolean;
}

function shapeOf(path: string, info: StepUpProcedureInfo | null): ProcedureShape {
  const resource = info?.declaration.resource;
  return {
    path,
    hasAmount: info?.declaration.amount !== undefined,
    resource: resource === undefined ? null : typeof resource === "function" ? "dynamic" : resource,
  };
}

/** Every procedure of the app router with its declared and policy levels, from the catalog (never a hand list). */
export function describeProcedures(entries: CatalogEntry[], policies: readonly PolicySnapshot[]): ProcedureRow[] {
  return entries
    .filter((p) => p.type === "query" || p.type === "mutation")
    .map(({ path, type, auth, stepUp }) => {
      const reach = reachOfPolicies(shapeOf(path, stepUp), policies);
      const protectedByStepUp = stepUp !== null;
      const lastSegment = path.split(".").at(-1) ?? path;
      const sensitive =
        type === "mutation" && (isAtLeast(reach.namedLevel, "medium") || SENSITIVE_VERB.test(lastSegment));
      return {
        path,
        type: type as "query" | "mutation",
        declaredLevel: stepUp?.level ?? (auth === "public" ? "none" : "low"),
        auth,
        policyLevel: reach.level,
        effectiveLevel: stepUp ? maxLevel(stepUp.level, reach.level) : auth === "public" ? "none" : "low",
        protectedByStepUp,
        sensitiveButUnprotected: sensitive && !protectedByStepUp,
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

export function proceduresProcedure(p: Procedures) {
  const { adminProcedure } = p;
  return adminProcedure.query(async ({ ctx }) => {
    const organizationId = ctx.session.activeOrganizationId;
    const policies = (await ctx.stepUp.policies.load()).snapshots.filter(
      (p) => p.organizationId === null || p.organizationId === organizationId,
    );
    return describeProcedures(ctx.stepUp.catalog.list(), policies);
  });
}
