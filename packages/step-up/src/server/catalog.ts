import "server-only";
import type { z } from "zod/v4";
import type { Level } from "../engine";
import type { StepUpDeclaration } from "./call-context";

/** What `stepUp.procedure` records in a procedure's meta, for dry runs and the admin list. */
export interface StepUpProcedureInfo {
  level: Level;
  schema: z.ZodType | null;
  declaration: StepUpDeclaration<unknown>;
}

/** Meta keys the module reads: `stepUp` (set by stepUp.procedure), `auth` (set by the host, optional). */
export interface StepUpMeta {
  stepUp?: { level: Level; info: StepUpProcedureInfo };
  auth?: "signed_in" | "admin";
}

type ProcedureMap = Record<string, { _def: { meta?: unknown; type?: string } }>;
/** Any tRPC router: `_def.procedures` is its flat path → procedure map at run time. */
export type RouterLike = { _def: { procedures: object; _config?: unknown } };

export interface CatalogEntry {
  path: string;
  type: string;
  auth: "public" | "signed_in" | "admin";
  stepUp: StepUpProcedureInfo | null;
}

export interface ProcedureCatalog {
  get(path: string): StepUpProcedureInfo | null;
  list(): CatalogEntry[];
  /** The app router itself (read lazily: it mounts this instance's router, so it exists only later). */
  router(): RouterLike;
  /** Adds an endpoint outside tRPC (`http:POST /api/v1/transfers`, `action:…`), declared by `withStepUp`. */
  register(path: string, info: StepUpProcedureInfo, type: string): void;
}

export function createProcedureCatalog(appRouter: () => RouterLike): ProcedureCatalog {
  const procedures = (): ProcedureMap => {
    const router = appRouter();
    if (!router?._def?.procedures) throw new Error("createStepUp: stepUp.attach(appRouter) was given no router");
    return router._def.procedures as ProcedureMap;
  };
  const infoOf = (procedure: ProcedureMap[string] | undefined) =>
    (procedure?._def.meta as StepUpMeta | undefined)?.stepUp?.info ?? null;
  const endpoints = new Map<string, CatalogEntry>();
  return {
    get: (path) => endpoints.get(path)?.stepUp ?? infoOf(procedures()[path]),
    list: () => [
      ...Object.entries(procedures()).map(([path, procedure]): CatalogEntry => ({
        path,
        type: procedure._def.type ?? "unknown",
        auth: (procedure._def.meta as StepUpMeta | undefined)?.auth ?? (infoOf(procedure) ? "signed_in" : "public"),
        stepUp: infoOf(procedure),
      })),
      ...endpoints.values(),
    ],
    router: () => appRouter(),
    register(path, info, type) {
      // Two endpoints under one name would share grants and policies: a wiring mistake, refused loudly.
      if (endpoints.has(path)) throw new Error(`createStepUp: ${path} is declared twice`);
      endpoints.set(path, { path, type, auth: "signed_in", stepUp: info });
    },
  };
}
