import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "@/server/db";
import { validateSessionToken, type AuthSession } from "@/server/auth/session";
import { SESSION_COOKIE } from "@/server/auth/session";

/** The signed-in session from the `session` cookie, or null. */
export async function getCurrentSession(): Promise<AuthSession | null> {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  return token ? validateSessionToken(db, token, new Date()) : null;
}

/** Page guard: the session, or a redirect to /sign-in. */
export async function requireSession(): Promise<AuthSession> {
  const session = await getCurrentSession();
  if (!session) redirect("/sign-in");
  return session;
}
