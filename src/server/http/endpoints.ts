import "server-only";
import type { StepUp } from "@step-up/next/server";
import { executeTransfer, transferDeclaration } from "../routers/transfers";
import type { Context } from "../trpc";

/** The transfer as the JSON API and the Server Action answer it (no internal fields). */
function publicTransfer(transfer: Awaited<ReturnType<typeof executeTransfer>>) {
  const { id, amountMinor, currency, to, createdAt } = transfer;
  return { id, amountMinor, currency, to, createdAt: createdAt.toISOString() };
}

/**
 * Step-up outside tRPC (ADR 020): the transfer of `transfers.create` as a JSON route and as a Server
 * Action, with the same declaration and business logic. Built with the app, so the catalog lists them.
 */
export function createHttpEndpoints(stepUp: StepUp<Context>) {
  return {
    /** POST /api/v1/transfers (src/app/api/v1/transfers/route.ts). */
    createTransfer: stepUp.withStepUp(
      async ({ ctx, input, session }) =>
        Response.json(
          { transfer: publicTransfer(await executeTransfer(ctx.db, session.userId, input)) },
          { status: 201 },
        ),
      { endpoint: "POST /api/v1/transfers", ...transferDeclaration },
    ),
    /** The quick-transfer form's Server Action (src/app/(app)/transfers/actions.ts). */
    createTransferAction: stepUp.action(
      { name: "transfers.create", ...transferDeclaration },
      async ({ ctx, input, session }) => publicTransfer(await executeTransfer(ctx.db, session.userId, input)),
    ),
  };
}

export type HttpEndpoints = ReturnType<typeof createHttpEndpoints>;
