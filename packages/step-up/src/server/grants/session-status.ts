import "server-only";
import { sessionLevel } from "../../engine";
import type { Database } from "../db";
import type { StepUpSession } from "../session";
import type { StepUpServices } from "../services";
import { loadGrants } from "./grants";

/** Current level of the session and until when each level holds, as the engine reads its live grants. */
export async function sessionStatus(db: Database, options: { session: StepUpSession; services: StepUpServices }) {
  const now = options.services.now();
  const grants = await loadGrants(db, options.session.id, now);
  const { currentLevel, validUntil } = sessionLevel(grants, options.services.config, now.getTime());
  const iso = (until: number | null) => (until === null ? null : new Date(until).toISOString());
  return { currentLevel, validUntil: { medium: iso(validUntil.medium), high: iso(validUntil.high) } } as const;
}
