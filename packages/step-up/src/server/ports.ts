import "server-only";

/**
 * What the module needs from the host app, passed to `createStepUp`. The module reaches the host only
 * through these: it never imports the host's files, tables or session format.
 */

/** Who is calling, from the host's tRPC context. Return null when nobody is signed in. */
export interface StepUpIdentity {
  userId: string;
  /** The host's session id: grants are bound to it and die with it. */
  sessionId: string;
  /** When this session last proved its first factor (sign-in): the "low" level's age. */
  authenticatedAt: Date;
  /** The active organization, for org-scoped policies and the admin pages; null or absent without organizations. */
  organizationId?: string | null;
  /** May use the admin pages (policies, devices, audit) for `organizationId` (or globally without one). */
  isAdmin?: boolean;
  /**
   * Optional: the `stepUpGrants` and `stepUpRevision` columns your session query read with
   * `sessionStateSql` (in the same query as the session). Without them the module reads them itself,
   * one query more on each protected call.
   */
  sessionState?: { stepUpGrants: unknown; stepUpRevision: unknown };
}

/** The request and response headers of the call, from the host's tRPC context. */
export interface StepUpHttp {
  headers: Headers;
  /** Where the device cookie and Retry-After are set. */
  resHeaders: Headers;
  /** The client IP the host trusts (behind a proxy: from X-Forwarded-For as the host configures it). */
  ip?: string | null;
}

export interface StepUpUser {
  email: string | null;
  /** Shown in the dialog and emails; null when the host has none (Auth.js users may have no name). */
  name: string | null;
  /** False for accounts without a password (e.g. passwordless sign-in); default true. */
  hasPassword?: boolean;
}

export interface StepUpMember {
  userId: string;
  email: string;
  name: string;
  role: "member" | "admin";
}

/** The host's users: password check with the host's own hashing, and names for the UI and emails. */
export interface StepUpUsers {
  verifyPassword(userId: string, password: string): Promise<boolean>;
  find(userId: string): Promise<StepUpUser | null>;
  /**
   * The people an admin of `organizationId` manages (null: a host without organizations, all users the
   * admin pages may show). Without it the admin pages list no members and scope per-user data to none.
   */
  members?(organizationId: string | null): Promise<StepUpMember[]>;
}

export interface StepUpMailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends email codes. Without a mailer, email codes are never offered. */
export interface StepUpMailer {
  send(message: StepUpMailMessage): Promise<void>;
}

export type SessionRevocationReason = "password_changed" | "factor_removed";

/** Optional: after a factor is removed the host signs the user out everywhere else. */
export interface StepUpSessions {
  /** Ends every session of `userId` except `keepSessionId`; returns how many ended. */
  revokeOthers(input: { userId: string; keepSessionId: string; reason: SessionRevocationReason }): Promise<number>;
}

/** Where the module reports what it swallowed or refused (a failed cleanup, a fail-closed refusal). */
export type StepUpErrorReporter = (error: unknown, event: { event: string; path?: string }) => void;
