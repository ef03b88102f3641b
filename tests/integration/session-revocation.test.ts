import { afterAll, beforeEach, describe, expect, it } from "vitest";
import {
  ALICE_BACKUP_CODES,
  catchError,
  createClock,
  createTestDatabase,
  signedIn,
  userIdOf,
  type Client,
} from "./harness";
import { withAliceHigh } from "./support/factors";

/** A password change or a removed factor signs the user out everywhere else, audited; so does signing out here. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();

describe("other sessions end when credentials change", () => {
  let aliceId: string;
  let laptop: Client;
  let phone: Client;

  beforeEach(async () => {
    clock.advance(60_000); // a fresh TOTP step for every high verification
    aliceId = await userIdOf(db, "alice@example.com");
    laptop = await signedIn(db, clock, "alice@example.com");
    phone = await signedIn(db, clock, "alice@example.com", { userAgent: "alice-phone" });
  });

  it("changing the password signs out alice's phone, keeps the laptop, and says so in the audit log", async () => {
    await withAliceHigh(laptop, clock, (api) => api.account.changePassword({ newPassword: "demo-password-1" }));
    expect((await catchError(phone.call((api) => api.profile.get()))).code).toBe("UNAUTHORIZED");
    expect((await laptop.call((api) => api.profile.get())).id).toBe(aliceId);
    const row = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { userId: aliceId, type: "auth.sessions_revoked" },
      orderBy: { createdAt: "desc" },
    });
    expect(row.data).toEqual({ count: 1, reason: "password_changed" });
    expect(await db.session.count({ where: { userId: aliceId } })).toBe(1);
  });

  it("removing the authenticator app signs out the other sessions", async () => {
    await withAliceHigh(laptop, clock, (api) => api.stepUp.security.totp.remove());
    expect((await catchError(phone.call((api) => api.profile.get()))).code).toBe("UNAUTHORIZED");
    expect((await laptop.call((api) => api.profile.get())).id).toBe(aliceId);
    const row = await db.stepUpAuditEvent.findFirstOrThrow({
      where: { userId: aliceId, type: "auth.sessions_revoked" },
      orderBy: { createdAt: "desc" },
    });
    expect(row.data).toMatchObject({ reason: "factor_removed" });
  });

  it("removing a passkey signs out the other sessions", async () => {
    const passkey = await db.stepUpPasskey.create({
      data: { userId: aliceId, credentialId: "cred-revoke", publicKey: Buffer.from([1, 2, 3]), name: "Old key" },
    });
    // Without TOTP now (previous test), alice's high is password + backup code.
    const codes = (await db.stepUpBackupCode.findMany({ where: { userId: aliceId, usedAt: null } })).length;
    expect(codes).toBeGreaterThan(0);
    const stepUp = await catchError(laptop.call((api) => api.stepUp.security.passkeys.remove({ id: passkey.id })));
    expect(stepUp.stepUp?.code).toBe("STEP_UP_REQUIRED");
    const requirementId = (stepUp.stepUp as { requirementId: string }).requirementId;
    await laptop.call((api) => api.stepUp.verify({ requirementId, method: "password", credential: "demo-password-1" }));
    await laptop.call((api) =>
      api.stepUp.verify({ requirementId, method: "backup_code", credential: ALICE_BACKUP_CODES[0]! }),
    );
    await laptop.call((api) => api.stepUp.security.passkeys.remove({ id: passkey.id }));
    expect((await catchError(phone.call((api) => api.profile.get()))).code).toBe("UNAUTHORIZED");
    expect((await laptop.call((api) => api.profile.get())).id).toBe(aliceId);
  });
});

describe("signing out", () => {
  it("is audited with the session it ended", async () => {
    const bob = await signedIn(db, clock, "bob@example.com");
    const bobId = await userIdOf(db, "bob@example.com");
    const sessionId = (await db.session.findFirstOrThrow({ where: { userId: bobId } })).id;
    await bob.call((api) => api.auth.signOut());
    const row = await db.stepUpAuditEvent.findFirstOrThrow({ where: { userId: bobId, type: "auth.signed_out" } });
    expect(row.data).toEqual({ sessionId });
  });
});
