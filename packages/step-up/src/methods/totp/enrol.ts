import "server-only";
import { TRPCError } from "@trpc/server";
import { generateSecret, generateURI } from "otplib";
import QRCode from "qrcode";
import type { MethodEnrolmentContext } from "../ports";
import { checkTotpCode } from "./code";
import { deleteTotp, saveConfirmedTotp } from "./store";

/** RFC 6238 recommends a secret as long as the HMAC output: 20 bytes for SHA-1. */
export const TOTP_SECRET_BYTES = 20;

/** Step 1: a new secret, kept encrypted on the session's pending enrolment until a first code confirms it. */
export async function beginTotpEnrollment(
  context: MethodEnrolmentContext,
): Promise<{ secret: string; uri: string; qrSvg: string }> {
  const secret = generateSecret({ length: TOTP_SECRET_BYTES });
  const { crypto, users } = context;
  await context.factors.startPending("totp", crypto.encrypt(secret));
  const user = await users.find(context.userId);
  const label = user?.email ?? user?.name ?? context.userId;
  const uri = generateURI({ issuer: context.relyingParty.name, label, secret });
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 1 });
  return { secret, uri, qrSvg };
}

/**
 * Step 2: the first code from the app proves it holds the secret; only then is the factor saved
 * (replacing any previous one). A wrong code saves nothing and keeps the pending secret.
 */
export async function confirmTotpEnrollment(context: MethodEnrolmentContext, code: string): Promise<{ enabled: true }> {
  const { db, factors, userId, now } = context;
  const pending = await factors.getPending("totp");
  if (!pending)
    throw new TRPCError({ code: "PRECONDITION_FAILED", message: "Start setting up the authenticator app again." });
  const secret = context.crypto.decrypt(pending.payload);
  const checked = await checkTotpCode(secret, code, now);
  if (!checked.ok) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "That code does not match. Check the time on your phone and enter the current code.",
    });
  }
  await db.$transaction(async (tx) => {
    if (!(await factors.takePending(tx, pending.id)))
      throw new TRPCError({ code: "CONFLICT", message: "This set-up was already completed." });
    // The confirming code's step counts as used: it cannot also pass a step-up.
    const secretEncrypted = context.crypto.encrypt(secret);
    await saveConfirmedTotp(tx, { userId, secretEncrypted, timeStep: checked.timeStep, now });
    await factors.recordChange(tx, { type: "credential.enrolled", data: { kind: "totp" } });
  });
  return { enabled: true };
}

export async function removeTotp(context: MethodEnrolmentContext): Promise<{ removed: true }> {
  const { db, factors, userId } = context;
  await db.$transaction(async (tx) => {
    if (!(await deleteTotp(tx, userId)))
      throw new TRPCError({ code: "NOT_FOUND", message: "No authenticator app is set up." });
    await factors.recordChange(tx, { type: "credential.removed", data: { kind: "totp" } });
  });
  await factors.revokeOtherSessions();
  return { removed: true };
}
