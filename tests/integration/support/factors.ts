import { expect } from "vitest";
import type { Database } from "@/server/db";
import { expectStepUp, verifyAliceHigh, type Client, type Clock } from "../harness";
import type { CeremonyOverrides, SoftwareAuthenticator } from "./authenticator";

/** Runs a step-up-protected call; when refused, verifies alice's password + TOTP and retries it once. */
type Api = Parameters<Parameters<Client["call"]>[0]>[0];

export async function withAliceHigh<T>(client: Client, clock: Clock, call: (api: Api) => Promise<T>): Promise<T> {
  const stepUp = await expectStepUp(client.call(call));
  expect(stepUp.level).toBe("high");
  expect((await verifyAliceHigh(client, clock, stepUp.requirementId)).status).toBe("fulfilled");
  return client.call(call);
}

/** Registers `authenticator` as a passkey of the signed-in user (the session must already hold a high grant). */
export async function registerPasskey(client: Client, authenticator: SoftwareAuthenticator, name = "Test key") {
  const { options } = await client.call((api) => api.stepUp.security.passkeys.beginRegistration());
  return client.call((api) =>
    api.stepUp.security.passkeys.finishRegistration({
      name,
      response: JSON.stringify(authenticator.register(options)),
    }),
  );
}

/** One passkey factor through the public API: challenge → the authenticator signs → verify. */
export async function verifyWithPasskey(
  client: Client,
  requirementId: string,
  authenticator: SoftwareAuthenticator,
  overrides: CeremonyOverrides = {},
) {
  const challenge = await client.call((api) => api.stepUp.challenge({ requirementId, method: "passkey" }));
  if (challenge.method !== "passkey") throw new Error("expected a passkey challenge");
  const credential = JSON.stringify(authenticator.authenticate(challenge.options, overrides));
  return {
    credential,
    result: client.call((api) => api.stepUp.verify({ requirementId, method: "passkey", credential })),
  };
}

/** The code in the newest dev-outbox email to `to`. */
export async function latestEmailCode(db: Database, to: string): Promise<string> {
  const email = await db.outboxEmail.findFirstOrThrow({
    where: { to },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const code = /\b(\d{6})\b/.exec(email.text)?.[1];
  if (!code) throw new Error(`No code in the email: ${email.text}`);
  return code;
}
