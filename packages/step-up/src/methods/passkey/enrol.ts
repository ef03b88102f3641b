import "server-only";
import { TRPCError } from "@trpc/server";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { listPasskeyCredentials } from "./store";
import type { EnrollmentContext } from "../../server/enrollment/context";
import {
  getPendingEnrollment,
  recordFactorChange,
  startEnrollment,
  takeEnrollment,
  revokeOtherSessionsAfterRemoval,
} from "../../server/enrollment/store";

/** Step 1 of registration: options for navigator.credentials.create(); the challenge waits on the session. */
export async function beginPasskeyRegistration(
  context: EnrollmentContext,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON }> {
  const { db, session, relyingParty } = context;
  const [existing, user] = await Promise.all([
    listPasskeyCredentials(db, session.userId),
    context.services.users.find(session.userId),
  ]);
  const options = await generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: user?.email ?? session.userId,
    userDisplayName: user?.name ?? "",
    userID: new TextEncoder().encode(session.userId),
    // We trust the authenticator's signature, not its make and model: no attestation to check.
    attestationType: "none",
    // The same authenticator twice would add nothing but a second row.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    // Discoverable when possible; verification preferred here, and demanded at critical step-ups.
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await startEnrollment(context, "passkey", options.challenge);
  return { options };
}

/** Step 2: verify the authenticator's response against the session's challenge (used up either way) and save it. */
export async function finishPasskeyRegistration(
  context: EnrollmentContext,
  input: { name: string; response: string },
): Promise<{ id: string; name: string }> {
  const { db, session, relyingParty, now } = context;
  const pending = await getPendingEnrollment(context, "passkey");
  if (!pending || !(await takeEnrollment(db, pending.id))) {
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Start adding the passkey again." });
  }
  const response = parseRegistration(input.response);
  const verification = response
    ? await verifyRegistrationResponse({
        response,
        expectedChallenge: pending.payload,
        expectedOrigin: relyingParty.origins,
        expectedRPID: relyingParty.id,
        requireUserVerification: false,
      }).catch(() => null)
    : null;
  if (!verification?.verified)
    throw new TRPCError({ code: "BAD_REQUEST", message: "The passkey could not be registered. Try again." });

  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  if (await db.stepUpPasskey.findUnique({ where: { credentialId: credential.id }, select: { id: true } })) {
    throw new TRPCError({ code: "CONFLICT", message: "This passkey is already registered." });
  }
  return db.$transaction(async (tx) => {
    const passkey = await tx.stepUpPasskey.create({
      select: { id: true, name: true },
      data: {
        userId: session.userId,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports?.join(",") ?? null,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: input.name,
        createdAt: now,
      },
    });
    await recordFactorChange(tx, context, {
      type: "credential.enrolled",
      data: { kind: "passkey", passkeyId: passkey.id, name: passkey.name },
    });
    return passkey;
  });
}

export async function renamePasskey(
  context: EnrollmentContext,
  input: { id: string; name: string },
): Promise<{ id: string; name: string }> {
  const { db, session } = context;
  return db.$transaction(async (tx) => {
    const { count } = await tx.stepUpPasskey.updateMany({
      where: { id: input.id, userId: session.userId },
      data: { name: input.name },
    });
    if (count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "No such passkey." });
    await recordFactorChange(tx, context, {
      type: "credential.renamed",
      data: { kind: "passkey", passkeyId: input.id, name: input.name },
    });
    return { id: input.id, name: input.name };
  });
}

export async function removePasskey(context: EnrollmentContext, id: string): Promise<{ removed: true }> {
  const { db, session } = context;
  await db.$transaction(async (tx) => {
    // Scoped to the user: another user's passkey id behaves as absent.
    const { count } = await tx.stepUpPasskey.deleteMany({ where: { id, userId: session.userId } });
    if (count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "No such passkey." });
    await recordFactorChange(tx, context, { type: "credential.removed", data: { kind: "passkey", passkeyId: id } });
  });
  await revokeOtherSessionsAfterRemoval(context);
  return { removed: true };
}

function parseRegistration(json: string): RegistrationResponseJSON | null {
  try {
    const value = JSON.parse(json) as RegistrationResponseJSON;
    return typeof value === "object" &&
      value !== null &&
      typeof value.id === "string" &&
      typeof value.response === "object"
      ? value
      : null;
  } catch {
    return null;
  }
}
