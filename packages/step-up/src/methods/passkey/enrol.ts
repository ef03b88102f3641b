import "server-only";
import { TRPCError } from "@trpc/server";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import type { MethodEnrolmentContext } from "../ports";
import {
  createPasskey,
  deleteUserPasskey,
  isCredentialRegistered,
  listPasskeyCredentials,
  renameUserPasskey,
} from "./store";

/** Step 1 of registration: options for navigator.credentials.create(); the challenge waits on the session. */
export async function beginPasskeyRegistration(
  context: MethodEnrolmentContext,
): Promise<{ options: PublicKeyCredentialCreationOptionsJSON }> {
  const { db, userId, relyingParty } = context;
  const [existing, user] = await Promise.all([listPasskeyCredentials(db, userId), context.users.find(userId)]);
  const options = await generateRegistrationOptions({
    rpName: relyingParty.name,
    rpID: relyingParty.id,
    userName: user?.email ?? userId,
    userDisplayName: user?.name ?? "",
    userID: new TextEncoder().encode(userId),
    // We trust the authenticator's signature, not its make and model: no attestation to check.
    attestationType: "none",
    // The same authenticator twice would add nothing but a second row.
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    // Discoverable when possible; verification preferred here, and demanded at critical step-ups.
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
  });
  await context.factors.startPending("passkey", options.challenge);
  return { options };
}

/** Step 2: verify the authenticator's response against the session's challenge (used up either way) and save it. */
export async function finishPasskeyRegistration(
  context: MethodEnrolmentContext,
  input: { name: string; response: string },
): Promise<{ id: string; name: string }> {
  const { db, factors, userId, relyingParty, now } = context;
  const pending = await factors.getPending("passkey");
  if (!pending || !(await factors.takePending(db, pending.id))) {
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
  if (await isCredentialRegistered(db, credential.id)) {
    throw new TRPCError({ code: "CONFLICT", message: "This passkey is already registered." });
  }
  return db.$transaction(async (tx) => {
    const passkey = await createPasskey(tx, {
      userId,
      credentialId: credential.id,
      publicKey: credential.publicKey,
      counter: credential.counter,
      transports: credential.transports,
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      name: input.name,
      now,
    });
    await factors.recordChange(tx, {
      type: "credential.enrolled",
      data: { kind: "passkey", passkeyId: passkey.id, name: passkey.name },
    });
    return passkey;
  });
}

export async function renamePasskey(
  context: MethodEnrolmentContext,
  input: { id: string; name: string },
): Promise<{ id: string; name: string }> {
  const { db, factors, userId } = context;
  return db.$transaction(async (tx) => {
    if (!(await renameUserPasskey(tx, { userId, ...input })))
      throw new TRPCError({ code: "NOT_FOUND", message: "No such passkey." });
    await factors.recordChange(tx, {
      type: "credential.renamed",
      data: { kind: "passkey", passkeyId: input.id, name: input.name },
    });
    return { id: input.id, name: input.name };
  });
}

export async function removePasskey(context: MethodEnrolmentContext, id: string): Promise<{ removed: true }> {
  const { db, factors, userId } = context;
  await db.$transaction(async (tx) => {
    if (!(await deleteUserPasskey(tx, { userId, id })))
      throw new TRPCError({ code: "NOT_FOUND", message: "No such passkey." });
    await factors.recordChange(tx, { type: "credential.removed", data: { kind: "passkey", passkeyId: id } });
  });
  await factors.revokeOtherSessions();
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
