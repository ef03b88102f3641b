import "server-only";
import type { MethodStore } from "../../methods";
import type { Database } from "../db";
import { auditOrigin, writeAudit } from "../audit/audit";
import { releaseSlot, reserveSlot } from "./limits";

/** The store port a method is given in its context (methods/ports.ts): shared limits and the audit log. */
export function createMethodStore(db: Database): MethodStore {
  return {
    reserveSlot: (options) => reserveSlot(db, options),
    releaseSlot: (key) => releaseSlot(db, key),
    async recordEvent({ type, data, ...origin }) {
      await db.$transaction(async (tx) => {
        await writeAudit(tx, { type, ...auditOrigin(origin), data });
      });
    },
  };
}
