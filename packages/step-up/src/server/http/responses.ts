import "server-only";
import type { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod/v4";
import { windowFor, type StepUpConfig } from "../../engine";
import type { StepUpErrorBody } from "../../shared/action-result";
import type { StepUpPayload } from "../../shared/payload";
import { stepUpFailure } from "../errors";
import { retryAfterOf, UNAVAILABLE_RETRY_AFTER_SECONDS } from "../unavailable";
import type { GuardRefusal } from "../gate/guard";
import { formatStepUpChallenge, SIGN_IN_CHALLENGE } from "./www-authenticate";

export interface Refusal {
  status: number;
  headers: Record<string, string>;
  body: StepUpErrorBody;
}

export type { StepUpErrorBody };

function body(status: number, code: string, message: string, extra: Partial<StepUpErrorBody["error"]["data"]> = {}) {
  return { error: { code, message, data: { httpStatus: status, stepUp: null, ...extra } } };
}

/** Status, headers and body for each refusal: 401 with an RFC 9470 challenge for step-up, 429 when locked. */
export function describeRefusal(refusal: GuardRefusal, config: StepUpConfig): Refusal {
  switch (refusal.kind) {
    case "cross_site":
      return { status: 403, headers: {}, body: body(403, "CROSS_SITE", "Cross-site request refused") };
    case "unauthenticated":
      return {
        status: 401,
        headers: { "WWW-Authenticate": SIGN_IN_CHALLENGE },
        body: body(401, "UNAUTHORIZED", "Sign in first"),
      };
    case "unreadable_body":
      return { status: refusal.status, headers: {}, body: body(refusal.status, refusal.code, refusal.message) };
    case "invalid_input":
      return {
        status: 400,
        headers: {},
        body: body(400, "BAD_REQUEST", "Invalid input", { issues: z.flattenError(refusal.error) }),
      };
    case "refused":
      return describeTrpcError(refusal.error);
    case "step_up":
      return describeStepUp(refusal.error, refusal.payload, config);
  }
}

function describeTrpcError(error: TRPCError): Refusal {
  const status = getHTTPStatusCodeFromError(error);
  // A library or internal message never reaches the client (ADR 003).
  const message = status >= 500 ? "Something went wrong" : error.message;
  return { status, headers: {}, body: body(status, error.code, message) };
}

function describeStepUp(error: TRPCError, payload: StepUpPayload, config: StepUpConfig): Refusal {
  if (payload.code === "STEP_UP_REQUIRED") {
    const challenge = formatStepUpChallenge({
      level: payload.level,
      description: payload.ruleReason ?? payload.reason,
      maxAgeSeconds: windowFor(config, payload.level) / 1000,
    });
    return {
      status: 401,
      headers: { "WWW-Authenticate": challenge },
      body: body(401, payload.code, payload.reason, { stepUp: payload }),
    };
  }
  // The status is the error's own (LOCKED is TOO_MANY_REQUESTS: 429), as over tRPC.
  const status = getHTTPStatusCodeFromError(error);
  const retryAfter = retryAfterOf(error);
  const headers: Record<string, string> = retryAfter === null ? {} : { "Retry-After": String(retryAfter) };
  return { status, headers, body: body(status, payload.code, error.message, { stepUp: payload }) };
}

/** The answer to an unexpected error: the handler did not run, and nothing about the cause leaks. */
export const INTERNAL_REFUSAL: Refusal = {
  status: 500,
  headers: {},
  body: body(500, "INTERNAL_SERVER_ERROR", "Something went wrong"),
};

/** The answer when the database cannot answer (ADR 026): 503 UNAVAILABLE with Retry-After; the handler did not run. */
export function unavailableRefusal(config: StepUpConfig): Refusal {
  const error = stepUpFailure({ code: "UNAVAILABLE", retryAfter: UNAVAILABLE_RETRY_AFTER_SECONDS });
  return describeStepUp(error, error.payload, config);
}

export function refusalResponse(refusal: Refusal): Response {
  return Response.json(refusal.body, {
    status: refusal.status,
    headers: { ...refusal.headers, "Cache-Control": "no-store" },
  });
}
