import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Account, LoginSession, PrismaClient } from "~/generated/prisma/client";

export const LOGIN_COOKIE = "billing_login";
const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export interface SignedIn {
  account: Account;
  loginSession: LoginSession;
}

function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/** A new login session; the returned secret goes into the cookie and nowhere else. */
export async function startLoginSession(db: PrismaClient, accountId: string): Promise<{ secret: string }> {
  const secret = randomBytes(32).toString("base64url");
  const signedInAt = new Date();
  await db.loginSession.create({
    data: {
      secretHash: hashSecret(secret),
      accountId,
      signedInAt,
      expires: new Date(signedInAt.getTime() + SESSION_TTL_MS),
    },
  });
  return { secret };
}

/** The account and session behind a cookie secret, or null when unknown or expired. */
export async function findLoginSession(db: PrismaClient, secret: string | null): Promise<SignedIn | null> {
  if (!secret) return null;
  const row = await db.loginSession.findUnique({
    where: { secretHash: hashSecret(secret) },
    include: { account: true },
  });
  if (!row || row.expires <= new Date()) return null;
  const { account, ...loginSession } = row;
  return { account, loginSession };
}

export async function endLoginSession(db: PrismaClient, loginSessionId: string): Promise<void> {
  await db.loginSession.deleteMany({ where: { id: loginSessionId } });
}

/** httpOnly, SameSite=Lax, Secure in production; `maxAgeSeconds: 0` deletes it. */
export function loginCookie(secret: string, maxAgeSeconds = SESSION_TTL_MS / 1000): string {
  const secure = process.env.NODE_ENV === "production" ? "; Secure" : "";
  return `${LOGIN_COOKIE}=${secret}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** The login cookie's value from a Cookie header. */
export function readLoginCookie(headers: Headers): string | null {
  for (const part of (headers.get("cookie") ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOGIN_COOKIE && value) return value;
  }
  return null;
}
