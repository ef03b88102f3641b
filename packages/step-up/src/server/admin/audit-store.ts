import "server-only";
import type { Directory } from "./scope";
import { z } from "zod/v4";
import type { Prisma } from "../../generated/prisma-types/client";
import type { Database } from "../db";
import { auditEventTypeSchema } from "../audit/audit";
import { idSchema } from "./scope";

export const auditFilterSchema = z.object({
  userId: idSchema.optional(),
  type: auditEventTypeSchema.optional(),
  severity: z.enum(["info", "warning", "critical"]).optional(),
  /** Inclusive bounds. */
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export interface AuditItem {
  id: string;
  type: string;
  severity: string;
  userId: string | null;
  userEmail: string | null;
  actorId: string | null;
  ip: string | null;
  data: Prisma.JsonValue;
  /** What the event's requirement was for (read from its data or the requirement row); null when none. */
  procedure: string | null;
  level: string | null;
  createdAt: Date;
}

interface Cursor {
  createdAt: Date;
  id: string;
}

/** Opaque to clients: the (createdAt, id) of the last row of the previous page. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString("base64url");
}

const cursorSchema = z.tuple([z.iso.datetime(), idSchema]);

/** null for anything that is not a cursor this server issued (the router answers BAD_REQUEST). */
export function decodeCursor(value: string): Cursor | null {
  const parsed = cursorSchema.safeParse(parseJson(Buffer.from(value, "base64url").toString("utf8")));
  return parsed.success ? { createdAt: new Date(parsed.data[0]), id: parsed.data[1] } : null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

function whereOf(
  organizationId: string,
  filter: AuditFilter,
  cursor: Cursor | null,
): Prisma.StepUpAuditEventWhereInput {
  return {
    // Always the admin's organization first: every index starts with it.
    organizationId,
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.severity ? { severity: filter.severity } : {}),
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lte: filter.to } : {}) } }
      : {}),
    // (createdAt, id) < the cursor's, with `createdAt <= cursor` spelt out: that bound starts the index
    // scan at the cursor, where the OR alone made each deeper page re-read every newer row (ADR 039).
    ...(cursor
      ? {
          AND: [
            { createdAt: { lte: cursor.createdAt } },
            { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] },
          ],
        }
      : {}),
  };
}

/**
 * One page of the organization's audit log, newest first, keyset-paginated on (createdAt, id):
 * each page is an index range scan, as fast on page 1,000 as on page 1.
 */
export async function listAuditEvents(
  db: Database,
  options: { organizationId: string; filter: AuditFilter; cursor: Cursor | null; limit: number; directory: Directory },
): Promise<{ items: AuditItem[]; nextCursor: string | null }> {
  const rows = await db.stepUpAuditEvent.findMany({
    where: whereOf(options.organizationId, options.filter, options.cursor),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit + 1,
    select: {
      id: true,
      type: true,
      severity: true,
      userId: true,
      actorId: true,
      ip: true,
      data: true,
      createdAt: true,
    },
  });
  const page = rows.slice(0, options.limit);
  const [emails, requirements] = await Promise.all([
    options.directory.emailsOf(page.map((r) => r.userId)),
    requirementsOf(db, page),
  ]);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...row,
      userEmail: row.userId ? (emails.get(row.userId) ?? null) : null,
      ...requirementColumns(row.data, requirements),
    })),
    nextCursor: rows.length > options.limit && last ? encodeCursor(last) : null,
  };
}

type RequirementFacts = { procedure: string; level: string };

/** Most step-up events name only their requirement: one query per page finds what it was for. */
async function requirementsOf(
  db: Database,
  page: readonly { data: Prisma.JsonValue }[],
): Promise<Map<string, RequirementFacts>> {
  const ids = [...new Set(page.map((row) => stringField(row.data, "requirementId")).filter((id) => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.stepUpRequirement.findMany({
    where: { id: { in: ids } },
    select: { id: true, procedure: true, requiredLevel: true },
  });
  return new Map(rows.map((r) => [r.id, { procedure: r.procedure, level: r.requiredLevel }]));
}

function requirementColumns(data: Prisma.JsonValue, requirements: Map<string, RequirementFacts>) {
  const id = stringField(data, "requirementId");
  const requirement = id ? requirements.get(id) : undefined;
  return {
    procedure: stringField(data, "procedure") ?? requirement?.procedure ?? null,
    level: stringField(data, "level") ?? requirement?.level ?? null,
  };
}

function stringField(data: Prisma.JsonValue, key: string): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const value = data[key];
  return typeof value === "string" ? value : null;
}
