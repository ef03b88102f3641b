/**
 * Acting as a catalog account over HTTP: sign in, meet a step-up with chosen factors (password, TOTP
 * from the seeded secret, seeded backup codes, emailed codes read from the outbox rows, a software
 * passkey registered through the enrollment procedures), and retry the refused call unchanged.
 */
import { expect } from "@playwright/test";
import { createGuardrails, generate } from "otplib";
import type { StepUpRequiredPayload } from "@step-up/next/client";
import {
  createSoftwareAuthenticator,
  type CeremonyOverrides,
  type SoftwareAuthenticator,
} from "../../integration/support/authenticator";
import { ACCOUNTS, SECURITY_BACKUP_CODES, SECURITY_PASSWORD, SECURITY_TOTP_SECRET, type AccountKey } from "./accounts";
import { latestEmailCode } from "./db";
import { Client, ORIGIN, dataOf, type RequestOptions, type TrpcResult } from "./http";

export type Method = "password" | "totp" | "passkey" | "backup_code" | "email_code";
export type VerifyResult = TrpcResult<{ status: "pending" | "fulfilled"; remaining: Method[][] }>;

const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });

/** The step-up payload of a refused call; fails the test with what came back instead. */
export function stepUpOf(result: TrpcResult): StepUpRequiredPayload {
  const stepUp = result.ok ? null : result.error.data.stepUp;
  if (stepUp?.code !== "STEP_UP_REQUIRED") {
    const got = result.ok ? `success ${JSON.stringify(result.data)}` : `${result.status} ${result.error.data.code}`;
    throw new Error(`Expected STEP_UP_REQUIRED, got ${got}`);
  }
  return stepUp;
}

export function isStepUpRequired(result: TrpcResult): boolean {
  return !result.ok && result.error.data.stepUp?.code === "STEP_UP_REQUIRED";
}

export class Actor {
  readonly email: string;
  userId = "";
  authenticator: SoftwareAuthenticator | null = null;
  passkeyId = "";
  private nextBackupCode = 0;
  private lastTotpStep = -1;

  constructor(
    readonly key: AccountKey,
    readonly client: Client,
  ) {
    this.email = ACCOUNTS[key].email;
  }

  mutation<T = unknown>(path: string, input?: unknown, options?: RequestOptions) {
    return this.client.mutation<T>(path, input, options);
  }

  query<T = unknown>(path: string, input?: unknown, options?: RequestOptions) {
    return this.client.query<T>(path, input, options);
  }

  takeBackupCode(): string {
    const code = SECURITY_BACKUP_CODES[this.nextBackupCode++];
    if (!code) throw new Error(`${this.key}: out of seeded backup codes`);
    return code;
  }

  /** A TOTP code from the seeded secret; never two from one 30-s step (the server accepts a step once). */
  async totp(): Promise<string> {
    const step = Math.floor(Date.now() / 30_000);
    if (step <= this.lastTotpStep) await sleep((this.lastTotpStep + 1) * 30_000 - Date.now() + 250);
    this.lastTotpStep = Math.floor(Date.now() / 30_000);
    return generate({ secret: SECURITY_TOTP_SECRET, guardrails, epoch: Math.floor(Date.now() / 1000) });
  }

  verify(requirementId: string, method: Method, credential: string, rememberDevice = false): Promise<VerifyResult> {
    return this.client.mutation("stepUp.verify", { requirementId, method, credential, rememberDevice });
  }

  /** Asks for an email code on the requirement and reads it from the outbox rows. */
  async emailCode(requirementId: string): Promise<string> {
    dataOf(await this.mutation("stepUp.challenge", { requirementId, method: "email_code" }), "email challenge");
    return latestEmailCode(this.email);
  }

  /** A passkey assertion for the requirement, signed by this actor's software authenticator. */
  async passkeyAssertion(requirementId: string, overrides: CeremonyOverrides = {}): Promise<string> {
    if (!this.authenticator) throw new Error(`${this.key} has no passkey: call registerPasskey() first`);
    const challenge = dataOf(
      await this.mutation<{ method: string; options: Parameters<SoftwareAuthenticator["authenticate"]>[0] }>(
        "stepUp.challenge",
        { requirementId, method: "passkey" },
      ),
      "passkey challenge",
    );
    return JSON.stringify(this.authenticator.authenticate(challenge.options, { origin: ORIGIN, ...overrides }));
  }

  /** The credential for one factor of a requirement, as the account's owner would give it. */
  async credentialFor(method: Method, requirementId: string): Promise<string> {
    switch (method) {
      case "password":
        return SECURITY_PASSWORD;
      case "totp":
        return this.totp();
      case "backup_code":
        return this.takeBackupCode();
      case "email_code":
        return this.emailCode(requirementId);
      case "passkey":
        return this.passkeyAssertion(requirementId);
    }
  }

  /** Verifies every factor of `combination` in order; the last answer tells whether the requirement is fulfilled. */
  async satisfy(requirementId: string, combination: readonly Method[], rememberDevice = false): Promise<VerifyResult> {
    let last: VerifyResult | null = null;
    for (const method of combination) {
      last = await this.verify(requirementId, method, await this.credentialFor(method, requirementId), rememberDevice);
      if (!last.ok) return last;
    }
    if (!last) throw new Error("empty combination");
    return last;
  }

  /** Calls a mutation; if it is refused for step-up, verifies `combination` and retries it unchanged. */
  async withStepUp<T = unknown>(path: string, input: unknown, combination: readonly Method[]): Promise<TrpcResult<T>> {
    const first = await this.mutation<T>(path, input);
    if (!isStepUpRequired(first)) return first;
    const verified = await this.satisfy(stepUpOf(first).requirementId, combination);
    expect(verified.ok ? verified.data.status : verified.error.data.code, `verifying ${combination.join("+")}`).toBe(
      "fulfilled",
    );
    return this.mutation<T>(path, input);
  }

  /** Registers a software passkey through security.passkeys.* (a high step-up with password + backup code). */
  async registerPasskey(name = "Catalog key"): Promise<SoftwareAuthenticator> {
    const authenticator = createSoftwareAuthenticator();
    const begun = dataOf(
      await this.withStepUp<{ options: Parameters<SoftwareAuthenticator["register"]>[0] }>(
        "stepUp.security.passkeys.beginRegistration",
        undefined,
        ["password", "backup_code"],
      ),
      "beginRegistration",
    );
    const response = JSON.stringify(authenticator.register(begun.options, { origin: ORIGIN }));
    const saved = dataOf(
      await this.mutation<{ id: string }>("stepUp.security.passkeys.finishRegistration", { name, response }),
      "finishRegistration",
    );
    this.authenticator = authenticator;
    this.passkeyId = saved.id;
    return authenticator;
  }
}

/** Signs a catalog account in from a fresh client (own cookie jar and source address). */
export async function signedIn(key: AccountKey, options: { userAgent?: string; client?: Client } = {}): Promise<Actor> {
  const client = options.client ?? new Client({ userAgent: options.userAgent });
  const actor = new Actor(key, client);
  const result = await client.signIn(actor.email, SECURITY_PASSWORD);
  actor.userId = dataOf(result, `sign-in of ${key}`).userId;
  return actor;
}

/** Input of transfers.create for an amount in major units; the one place that knows the input's shape. */
export function transfer(amount: number, to = "catalog-recipient", currency = "USD") {
  return { amount, currency, to };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
