import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSessionToken, type AuthSession } from "@/server/auth/session";
import { loadOutboxView } from "@/app/dev/outbox/outbox.server";
import { createClock, createTestDatabase, signedIn } from "./harness";

/** /dev/outbox: a signed-in user's own mail only, and never in production outside the demo. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();
const DEV = { NODE_ENV: "development" };

async function sessionOf(email: string): Promise<AuthSession> {
  const client = await signedIn(db, clock, email);
  return (await validateSessionToken(db, client.cookies.get("session")!, clock.now()))!;
}

describe("dev outbox", () => {
  let alice: AuthSession;

  beforeAll(async () => {
    alice = await sessionOf("alice@example.com");
    await db.outboxEmail.createMany({
      data: [
        { to: "alice@example.com", subject: "Your verification code: 111111", text: "for alice" },
        { to: "gina@example.com", subject: "Your verification code: 222222", text: "for gina" },
        { to: "alice.next@example.com", subject: "Old mail to an address alice claims later", text: "old" },
      ],
    });
  });

  it("a signed-in user sees only mail sent to them, never another user's codes", async () => {
    const view = await loadOutboxView({ db, session: alice, env: DEV });
    expect(view.kind).toBe("emails");
    const emails = view.kind === "emails" ? view.emails : [];
    expect(emails.map((e) => e.to)).toEqual(["alice@example.com"]);
    expect(JSON.stringify(emails)).not.toContain("222222");
  });

  it("mail to the address of a pending email change shows from the moment it was asked for", async () => {
    await db.emailChangeRequest.create({
      data: {
        userId: alice.userId,
        newEmail: "alice.next@example.com",
        codeHash: "x",
        expiresAt: new Date(Date.now() + 60_000),
        createdAt: new Date(Date.now() + 1000),
      },
    });
    await db.outboxEmail.create({
      data: {
        to: "alice.next@example.com",
        subject: "Your email change code: 333333",
        text: "new",
        createdAt: new Date(Date.now() + 2000),
      },
    });
    const view = await loadOutboxView({ db, session: alice, env: DEV });
    const subjects = view.kind === "emails" ? view.emails.map((e) => e.subject) : [];
    expect(subjects).toContain("Your email change code: 333333");
    expect(subjects).not.toContain("Old mail to an address alice claims later");
  });

  it("an anonymous visitor is sent to sign in", async () => {
    expect(await loadOutboxView({ db, session: null, env: DEV })).toEqual({ kind: "sign_in" });
  });

  it("under NODE_ENV=production the page does not exist, unless the demo flag is set; with SMTP it never does", async () => {
    expect(await loadOutboxView({ db, session: alice, env: { NODE_ENV: "production" } })).toEqual({
      kind: "not_found",
    });
    expect(await loadOutboxView({ db, session: null, env: { NODE_ENV: "production" } })).toEqual({ kind: "not_found" });
    expect(
      (await loadOutboxView({ db, session: alice, env: { NODE_ENV: "production", STEP_UP_DEMO: "1" } })).kind,
    ).toBe("emails");
    const smtp = { NODE_ENV: "development", SMTP_URL: "smtp://mail.example:25", MAIL_FROM: "a@b.example" };
    expect(await loadOutboxView({ db, session: alice, env: smtp })).toEqual({ kind: "not_found" });
  });
});
