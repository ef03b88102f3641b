import { expect } from "vitest";
import type { Database } from "@/server/db";
import type { Rule } from "@/step-up/engine";
import type { createCaller } from "@/server/routers/_app";
import { DEMO_PASSWORD, catchError, expectStepUp, verify, type Client } from "./harness";

type Api = ReturnType<typeof createCaller>;

export const ADMIN = "admin@example.com";
export const GINA = "gina@example.com";

export { signedIn } from "./harness";

/**
 * An admin change: the first call is refused with step-up "high" (degraded to the password, the
 * only factor the seeded admins have), the admin verifies and the same call is sent again.
 */
export async function asAdminWithStepUp<T>(client: Client, fn: (api: Api) => Promise<T>): Promise<T> {
  try {
    return await client.call(fn);
  } catch (error) {
    const stepUp = await expectStepUp(Promise.reject(error));
    expect(stepUp.level).toBe("high");
    await verify(client, stepUp.requirementId, "password", DEMO_PASSWORD);
    return client.call(fn);
  }
}

export async function orgId(db: Database, slug: "acme" | "globex"): Promise<string> {
  return (await db.organization.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** An org policy draft as the admin form sends it. */
export interface Draft {
  name: string;
  description: string;
  userId?: string | null;
  priority: number;
  enabled: boolean;
  mode: "enforce" | "report_only";
  rules: Rule[];
}

export function draft(overrides: Partial<Draft> = {}): Draft {
  return {
    name: "Profile changes need high",
    description: "",
    priority: 10,
    enabled: true,
    mode: "enforce",
    rules: [{ kind: "procedure", pattern: "profile.update", level: "high" }],
    ...overrides,
  };
}

export { catchError };
