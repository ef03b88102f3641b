import { expect } from "vitest";
import type { Database } from "@/server/db";
import type { Rule } from "@step-up/next/engine";
import type { ApiCaller } from "./harness";
import { createGuardrails, generate } from "otplib";
import { ADMIN_TOTP_SECRETS } from "../../prisma/seed-data";
import { DEMO_PASSWORD, catchError, expectStepUp, verify, type Client } from "./harness";

type Api = ApiCaller;

export const ADMIN = "admin@example.com" as const;
export const GINA = "gina@example.com" as const;

export { signedIn } from "./harness";

const lastSteps = new Map<string, number>();

/** The seeded admin's authenticator code at the client's clock; never the same 30-s step twice (it is refused). */
export function adminTotp(client: Client, admin: keyof typeof ADMIN_TOTP_SECRETS): Promise<string> {
  const epoch = Math.floor(client.services.now().getTime() / 1000);
  // One step ahead is within the server's drift tolerance, for two verifications in one step.
  const step = Math.max(Math.floor(epoch / 30), (lastSteps.get(admin) ?? -1) + 1);
  lastSteps.set(admin, step);
  const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
  return generate({ secret: ADMIN_TOTP_SECRETS[admin], guardrails, epoch: step * 30 });
}

/**
 * An admin change: the first call is refused with step-up "high", the admin verifies with password +
 * authenticator code (the seeded admins' factors) and the same call is sent again.
 */
export async function asAdminWithStepUp<T>(
  client: Client,
  fn: (api: Api) => Promise<T>,
  admin: keyof typeof ADMIN_TOTP_SECRETS = ADMIN,
): Promise<T> {
  try {
    return await client.call(fn);
  } catch (error) {
    const stepUp = await expectStepUp(Promise.reject(error));
    expect(stepUp.level).toBe("high");
    await verify(client, stepUp.requirementId, "password", DEMO_PASSWORD);
    await verify(client, stepUp.requirementId, "totp", await adminTotp(client, admin));
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
