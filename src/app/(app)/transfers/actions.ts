"use server";

import type { z } from "zod";
import { getDemoApp } from "@/server/app";
import type { transferInput } from "@/server/routers/transfers";

/**
 * A transfer as a Server Action, behind the same step-up gate as `transfers.create` (ADR 020). A refusal
 * comes back as `{ ok: false, error }`; `useStepUpAction` opens the dialog and calls it again.
 */
export async function createTransferAction(input: z.input<typeof transferInput>) {
  return getDemoApp().http.createTransferAction(input);
}
