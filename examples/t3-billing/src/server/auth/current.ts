import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { db } from "../db";
import { findLoginSession, LOGIN_COOKIE, type SignedIn } from "./login-session";

/** For server components: the signed-in account and session, or null. */
export async function currentLogin(): Promise<SignedIn | null> {
  return findLoginSession(db, (await cookies()).get(LOGIN_COOKIE)?.value ?? null);
}

/** Page guard: the signed-in account, or a redirect to /sign-in. */
export async function requireLogin(): Promise<SignedIn> {
  const signedIn = await currentLogin();
  if (!signedIn) redirect("/sign-in");
  return signedIn;
}
