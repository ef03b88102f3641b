import "server-only";
import type { MethodId } from "../engine";
import type { Database, Transaction } from "../server/db";
import type { StepUpCrypto } from "../server/crypto";
import type { StepUpUser, StepUpUsers } from "../server/ports";
import type { RelyingParty } from "../server/relying-party";
import type { RequestInfo } from "../server/verification/requirements";

/*
 * What the server gives a method: a method reads and writes its own tables through `db` and reaches
 * everything else (shared limits, the audit log, pending enrolments) through these ports. Type-only
 * imports from server/ (eslint.config.mjs refuses any other): a method never imports a server internal.
 */

export type { Database, RelyingParty, RequestInfo, StepUpCrypto, StepUpUser, StepUpUsers, Transaction };

/** A slot on a shared sliding-window limit (StepUpLimit); `position` is this slot's number in the window. */
export type SlotReservation = { ok: true; position: number } | { ok: false; retryAfterMs: number };

/** An audit row a method writes itself (the rest are written by the verification that called it). */
export interface MethodEvent {
  type: "stepup.email_code_sent";
  userId: string;
  organizationId: string | null;
  request: RequestInfo;
  now: Date;
  data: Record<string, string | number | boolean | null>;
}

/** The server's store as a method sees it (server/verification/method-store.ts builds it). */
export interface MethodStore {
  reserveSlot(options: { key: string; max: number; windowMs: number; now: Date }): Promise<SlotReservation>;
  /** Gives a slot back: the action it was reserved for did not happen. */
  releaseSlot(key: string): Promise<void>;
  /** Writes one audit row (and its webhook outbox entry) in a transaction of its own. */
  recordEvent(event: MethodEvent): Promise<void>;
}

/** What `enrolled` may look at; `user` is read once for all methods (null: the host knows no such user). */
export interface EnrolledCheck {
  db: Database;
  userId: string;
  user: Promise<StepUpUser | null>;
  /** Whether the server can send email (without a mailer, email codes are never offered). */
  mailer: boolean;
}

/** A factor the user sets up in two steps (TOTP secret, passkey registration) waits on the session meanwhile. */
export type PendingFactorKind = "totp" | "passkey";

/** A factor change, audited in the transaction that makes it (server/enrollment/store.ts). */
export interface FactorChange {
  type: "credential.enrolled" | "credential.removed" | "credential.renamed" | "credential.backup_codes_generated";
  data: Record<string, string | number | boolean | null> & { kind: MethodId };
}

/** Everything an enrolment step needs; the user always comes from the session. */
export interface MethodEnrolmentContext {
  db: Database;
  userId: string;
  now: Date;
  relyingParty: RelyingParty;
  crypto: StepUpCrypto;
  users: StepUpUsers;
  factors: EnrolmentPort;
}

/** The server's side of enrolment: the session's pending factors and what a factor change sets off. */
export interface EnrolmentPort {
  /** Starts a pending factor for this session; an earlier pending one of the same kind dies. */
  startPending(kind: PendingFactorKind, payload: string): Promise<void>;
  /** The live pending factor of this session, or null. Reading does not use it up. */
  getPending(kind: PendingFactorKind): Promise<{ id: string; payload: string } | null>;
  /** Uses a pending factor up; false when another request already did (single use). */
  takePending(db: Database | Transaction, id: string): Promise<boolean>;
  /** The audit row and, unless a rename, the user's grants and remembered devices revoked: same transaction. */
  recordChange(tx: Transaction, change: FactorChange): Promise<void>;
  /** After a removal has committed: the host ends the user's other sessions (the `sessions` port). */
  revokeOtherSessions(): Promise<void>;
}
