import "server-only";
import { TRPCError } from "@trpc/server";
import type { z } from "zod/v4";
import type { StepUpServices } from "../services";
import type { StepUpContext, StepUpSession } from "../session";
import { createGate } from "../gate/gate";
import { StepUpError } from "../errors";
import { isDatabaseUnavailable, reportOnce } from "../unavailable";
import { DEFAULT_ROUTE_BODY_BYTES, declaresTooLarge, readBodyWithLimit } from "./body-limit";
import { guardCall, type EndpointDeclaration, type GuardInput, type GuardRefusal } from "../gate/guard";
import { describeRefusal, INTERNAL_REFUSAL, refusalResponse, unavailableRefusal, type Refusal } from "./responses";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** The most bytes of JSON a guarded route reads by default; a bigger body is refused before parsing (ADR 029). */
export const MAX_BODY_BYTES = DEFAULT_ROUTE_BODY_BYTES;

export interface RouteDeclaration<TSchema extends z.ZodType, TContext> extends EndpointDeclaration<TSchema, TContext> {
  /** Where the handler is mounted, e.g. "POST /api/v1/transfers"; its catalog name is `http:` + this (ADR 020). */
  endpoint: `${HttpMethod} /${string}`;
  /** The most bytes of body this route reads (default 64 KiB); a bigger one is a 413 before parsing (ADR 029). */
  maxBodyBytes?: number;
}

export interface RouteCall<TInput, TContext> {
  input: TInput;
  ctx: TContext;
  request: Request;
  session: Pick<StepUpSession, "id" | "userId" | "activeOrganizationId">;
}

/** What a guarded route needs from its instance (create-step-up.ts). */
export interface HttpDeps<TContext> {
  services: StepUpServices;
  hostContext: (http: { headers: Headers; resHeaders: Headers }) => Promise<TContext>;
  resolve: (hostContext: TContext) => Promise<StepUpContext>;
}

/** The catalog name of a route: `http:POST /api/v1/transfers`. */
export function routeName(endpoint: string): string {
  return `http:${endpoint}`;
}

/** A Next route handler guarded like a `stepUp.procedure`: the handler runs only once step-up allowed it. */
export function createRouteHandler<TSchema extends z.ZodType, TContext>(
  deps: HttpDeps<TContext>,
  handler: (call: RouteCall<z.output<TSchema>, TContext>) => Response | Promise<Response>,
  declaration: RouteDeclaration<TSchema, TContext>,
): (request: Request) => Promise<Response> {
  const { endpoint, maxBodyBytes = MAX_BODY_BYTES, ...declared } = declaration;
  const [method, path] = endpoint.split(" ") as [HttpMethod, string];
  const name = routeName(endpoint);
  const gate = createGate(declared);
  // Listed as a mutation (a query for GET), so the admin procedures page and simulator show it.
  deps.services.catalog.register(name, gate.info, method === "GET" ? "query" : "mutation");

  return async (request) => {
    // The name (method + path) is part of the call hash: a grant earned here is for this very route.
    if (request.method.toUpperCase() !== method || new URL(request.url).pathname !== path)
      return refusalResponse(plain(405, "METHOD_NOT_SUPPORTED", `This endpoint is ${endpoint}`));
    const resHeaders = new Headers();
    try {
      const result = await guardCall({
        name,
        method,
        headers: request.headers,
        allowedOrigins: deps.services.relyingParty.origins,
        input: requestInput(request, method, maxBodyBytes),
        gate,
        hostContext: () => deps.hostContext({ headers: request.headers, resHeaders }),
        resolve: deps.resolve,
      });
      if (!result.ok)
        return withHeaders(refusalResponse(describeRefusal(result.refusal, deps.services.config)), resHeaders);
      const { id, userId, activeOrganizationId } = result.session;
      const response = await handler({
        input: result.input,
        ctx: result.ctx,
        request,
        session: { id, userId, activeOrganizationId },
      });
      return withHeaders(response, resHeaders);
    } catch (error) {
      // A TRPCError of the shared business logic ("Insufficient balance") keeps its status, as in tRPC.
      // UNAVAILABLE from resolving the caller's step-up state: its 503, payload and Retry-After (ADR 026).
      if (error instanceof StepUpError)
        return refusalResponse(
          describeRefusal({ kind: "step_up", error, payload: error.payload }, deps.services.config),
        );
      if (error instanceof TRPCError)
        return refusalResponse(describeRefusal({ kind: "refused", error }, deps.services.config));
      reportOnce(deps.services.onError, error, { event: "http.failed", path: name });
      // A database that cannot answer (here or in the host's context) is 503 + Retry-After (ADR 026).
      if (isDatabaseUnavailable(error)) return refusalResponse(unavailableRefusal(deps.services.config));
      return refusalResponse(INTERNAL_REFUSAL);
    }
  };
}

/**
 * GET reads the query string; other methods a JSON body (none → undefined), read only once the caller is
 * signed in and counted as it streams (ADR 029).
 */
function requestInput(request: Request, method: HttpMethod, maxBytes: number): GuardInput {
  if (method === "GET")
    return { read: () => Promise.resolve({ ok: true, value: Object.fromEntries(new URL(request.url).searchParams) }) };
  return {
    checkHeaders: () => (declaresTooLarge(request.headers, maxBytes) ? tooLarge(maxBytes) : null),
    read: async () => {
      const body = await readBodyWithLimit(request, maxBytes);
      if (!body.ok) return { ok: false, refusal: tooLarge(maxBytes) };
      if (body.bytes.byteLength === 0) return { ok: true, value: undefined };
      const type = request.headers.get("content-type") ?? "";
      if (!/^application\/json\s*(;|$)/i.test(type))
        return { ok: false, refusal: unreadable(415, "UNSUPPORTED_MEDIA_TYPE", "Send the body as application/json") };
      try {
        return { ok: true, value: JSON.parse(new TextDecoder().decode(body.bytes)) as unknown };
      } catch {
        return { ok: false, refusal: unreadable(400, "PARSE_ERROR", "The body is not valid JSON") };
      }
    },
  };
}

function tooLarge(maxBytes: number): GuardRefusal {
  return unreadable(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${maxBytes} bytes`);
}

function unreadable(status: 400 | 413 | 415, code: string, message: string): GuardRefusal {
  return { kind: "unreadable_body", status, code, message };
}

export function plain(status: number, code: string, message: string): Refusal {
  return { status, headers: {}, body: { error: { code, message, data: { httpStatus: status, stepUp: null } } } };
}

/** Copies what the host and the module set on `resHeaders` (cookies, Retry-After) onto the response. */
function withHeaders(response: Response, resHeaders: Headers): Response {
  for (const [key, value] of resHeaders) {
    if (key === "set-cookie") continue;
    if (!response.headers.has(key)) response.headers.set(key, value);
  }
  for (const cookie of resHeaders.getSetCookie()) response.headers.append("set-cookie", cookie);
  return response;
}
