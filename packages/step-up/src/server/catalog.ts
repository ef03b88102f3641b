import "server-only";
import type { z } from "zod";
import type { Level } from "../engine";
import type { StepUpDeclaration } from "./call-context";

/** What `stepUpProcedure` records about each protected procedure, for dry runs and the admin list. */
export interface StepUpProcedureInfo {
  level: Level;
  schema: z.ZodType | null;
  declaration: StepUpDeclaration<unknown>;
}

type ProcedureMap = Record<string, { _def: { meta?: unknown; type?: string } }>;

let procedures: ProcedureMap = {};

/** Called once with the app router's flat procedure map (avoids an import cycle with the app router). */
export function registerProcedureCatalog(map: ProcedureMap): void {
  procedures = map;
}

export function getStepUpProcedure(path: string): StepUpProcedureInfo | null {
  const meta = procedures[path]?._def.meta as { stepUp?: { level: Level; info?: StepUpProcedureInfo } } | undefined;
  return meta?.stepUp?.info ?? null;
}

export function listProcedures(): Array<{
  path: string;
  type: string;
  auth: "public" | "signed_in" | "admin";
  stepUp: StepUpProcedureInfo | null;
}> {
  return Object.entries(procedures).map(([path, procedure]) => ({
    path,
    type: procedure._def.type ?? "unknown",
    auth: (procedure._def.meta as { auth?: "signed_in" | "admin" } | undefined)?.auth ?? "public",
    stepUp: getStepUpProcedure(path),
  }));
}
