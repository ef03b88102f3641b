import "server-only";
import { TRPCError } from "@trpc/server";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { TOTP_EPOCH_TOLERANCE_SECONDS } from "./verify";
import type { EnrollmentContext } from "../../server/enrollment/context";
import {
  getPendingEnrollment,
  recordFactorChange,
  startEnrollment,
  takeEnrollment,
  revokeOtherSessionsAfterRemoval,
} from "../../server/enrollment/store";

/** RFC 6238 recommends a secret as long as the HMAC output: 20 bytes for SHA-1. */
export const TOTP_SECRET_BYTES = 20;

/** Step 1: a new secret, kept encrypted on the session's pending enrolment until a first code confirms it. */
export async function beginTotpEnrollment(
  context: EnrollmentContext,
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = generateSecret({ length: TOTP_SECRET_BYTES });
  const { crypto, users } = context.services;
  await startEnrollment(context, "totp", crypto.encrypt(secret));
  const user = await users.find(context.session.userId);
  const label = user?.email ?? user?.name ?? context.session.userId;
  const uri = generateURI({ issuer: context.relyingParty.name, label, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qrSvg };
}

/**
 * Step 2: the first code from the app proves it holds the secret; only then is the factor saved
 * (replacing any previous one). A wrong code saves nothing and keeps the pending secret.
 */
export async function confirmTotpEnrollment(context: EnrollmentContext, code: string): Promise<{ enabled: true }> {
  const pending = await getPendingEnrollment(context, "totp");
  if (!pending)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Start setting up the authenticator app again." });
  const secret = context.services.crypto.decrypt(pending.payload);
  const timeStep = await acceptedTimeStep(secret, code, context.now);
  if (timeStep === null) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "That code does not match. Check the time on your phone and enter the current code.",
    });
  }
  const { db, session, now } = context;
  await db.$transaction(async (tx) => {
    if (!(await takeEnrollment(tx, pending.id)))
      throw new TRPCError({ code: "CONFLICT", message: "This set-up was already completed." });
    // The confirming code's step counts as used: it cannot also pass a step-up.
    const data = {
      secretEncrypted: context.services.crypto.encrypt(secret),
      confirmedAt: now,
      lastUsedStep: timeStep,
      createdAt: now,
    };
    await tx.stepUpTotpCredential.upsert({
      where: { userId: session.userId },
      create: { userId: session.userId, ...data },
      update: data,
    });
    await recordFactorChange(tx, context, { type: "credential.enrolled", data: { kind: "totp" } });
  });
  return { enabled: true };
}

export async function removeTotp(context: EnrollmentContext): Promise<{ removed: true }> {
  const { db, session } = context;
  await db.$transaction(async (tx) => {
    const { count } = await tx.stepUpTotpCredential.deleteMany({ where: { userId: session.userId } });
    if (count === 0) throw new TRPCError({ code: "NOT_FOUND", message: "No authenticator app is set up." });
    await recordFactorChange(tx, context, { type: "credential.removed", data: { kind: "totp" } });
  });
  await revokeOtherSessionsAfterRemoval(context);
  return { removed: true };
}

async function acceptedTimeStep(secret: string, code: string, now: Date): Promise<number | null> {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: TOTP_EPOCH_TOLERANCE_SECONDS,
    });
    return result.valid && "timeStep" in result ? result.timeStep : null;
  } catch {
    return null;
  }
}
