import "server-only";
import { TRPCError } from "@trpc/server";
import type { z } from "zod/v4";
import { createGate } from "../gate/gate";
import { guardCall, type EndpointDeclaration } from "../gate/guard";
import type { StepUpActionResult } from "../../shared/action-result";
import { StepUpError } from "../errors";
import { isDatabaseUnavailable, reportOnce } from "../unavailable";
import { describeRefusal, INTERNAL_REFUSAL, unavailableRefusal } from "./responses";
import type { HttpDeps, RouteCall } from "./with-step-up";

export interface ActionDeclaration<TSchema extends z.ZodType, TContext> extends EndpointDeclaration<TSchema, TContext> {
  /** The catalog name without its prefix: "profile.updateName" is listed as `action:profile.updateName`. */
  name: string;
}

export interface ActionOptions {
  /** The request headers; default: Next's `headers()` of the action's request. */
  headers?: () => Headers | Promise<Headers>;
}

export type { StepUpActionResult };

export function actionName(name: string): string {
  return `action:${name}`;
}

/** A Server Action guarded like a `stepUp.procedure`: `fn` runs only once step-up allowed the call. */
export function createServerAction<TSchema extends z.ZodType, TContext, TResult>(
  deps: HttpDeps<TContext>,
  declaration: ActionDeclaration<TSchema, TContext>,
  fn: (call: Omit<RouteCall<z.output<TSchema>, TContext>, "request">) => TResult | Promise<TResult>,
  options: ActionOptions = {},
): (input: z.input<TSchema>) => Promise<StepUpActionResult<Awaited<TResult>>> {
  const { name: declaredName, ...declared } = declaration;
  const name = actionName(declaredName);
  const gate = createGate(declared);
  deps.services.catalog.register(name, gate.info, "mutation");
  const readHeaders = options.headers ?? nextRequestHeaders;

  return async (input) => {
    try {
      const headers = await readHeaders();
      const result = await guardCall({
        name,
        // Every Server Action is a POST: the same-site check applies to all of them.
        method: "POST",
        headers,
        allowedOrigins: deps.services.relyingParty.origins,
        // Next has read and decoded the body under serverActions.bodySizeLimit (next.config.mjs, ADR 029).
        input: { read: () => Promise.resolve({ ok: true, value: input }) },
        gate,
        hostContext: () => deps.hostContext({ headers, resHeaders: new Headers() }),
        resolve: deps.resolve,
      });
      if (!result.ok) return { ok: false, ...describeRefusal(result.refusal, deps.services.config).body };
      const { id, userId, activeOrganizationId } = result.session;
      return {
        ok: true,
        data: await fn({ input: result.input, ctx: result.ctx, session: { id, userId, activeOrganizationId } }),
      };
    } catch (error) {
      if (error instanceof StepUpError) {
        const refusal = describeRefusal({ kind: "step_up", error, payload: error.payload }, deps.services.config);
        return { ok: false, ...refusal.body };
      }
      if (error instanceof TRPCError)
        return { ok: false, ...describeRefusal({ kind: "refused", error }, deps.services.config).body };
      reportOnce(deps.services.onError, error, { event: "action.failed", path: name });
      if (isDatabaseUnavailable(error)) return { ok: false, ...unavailableRefusal(deps.services.config).body };
      return { ok: false, ...INTERNAL_REFUSAL.body };
    }
  };
}

async function nextRequestHeaders(): Promise<Headers> {
  const { headers } = await import("next/headers");
  return new Headers(await headers());
}
