import { afterAll, describe, expect, it } from "vitest";
import { catchError, createClock, createTestDatabase, expectStepUp, signedIn, verify, type Client } from "./harness";

/** An email change needs the code sent to the new address, and the old address hears about it. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();

async function verifiedClient(email: string): Promise<Client> {
  const client = await signedIn(db, clock, email);
  const stepUp = await expectStepUp(client.call((api) => api.account.changeEmail({ email: "probe@example.com" })));
  await verify(client, stepUp.requirementId, "password", "demo-password-1");
  return client;
}

async function codeSentTo(to: string): Promise<string> {
  const mail = await db.outboxEmail.findFirstOrThrow({
    where: { to },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return /\b(\d{6})\b/.exec(mail.subject)![1]!;
}

const emailOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).email;

describe("two-step email change", () => {
  it("asking changes nothing; the code from the new inbox makes the change, and the old address gets a notice", async () => {
    const bob = await verifiedClient("bob@example.com");
    const bobId = (await bob.call((api) => api.profile.get())).id;
    const asked = await bob.call((api) => api.account.changeEmail({ email: "bob.new@example.com" }));
    expect(asked).toEqual({ email: "bob@example.com", pendingEmail: "bob.new@example.com" });
    expect(await emailOf(bobId)).toBe("bob@example.com");

    const code = await codeSentTo("bob.new@example.com");
    const done = await bob.call((api) => api.account.changeEmail({ email: "bob.new@example.com", code }));
    expect(done).toEqual({ email: "bob.new@example.com", pendingEmail: null });
    expect(await emailOf(bobId)).toBe("bob.new@example.com");
    const notice = await db.outboxEmail.findFirstOrThrow({
      where: { to: "bob@example.com" },
      orderBy: { createdAt: "desc" },
    });
    expect(notice.subject).toBe("Your sign-in email was changed");
    expect(notice.text).toContain("b***@example.com");
    const types = (
      await db.stepUpAuditEvent.findMany({ where: { userId: bobId, type: { startsWith: "account.email" } } })
    ).map((e) => e.type);
    expect(types).toEqual(["account.email_change_requested", "account.email_changed"]);

    // Used once: the same code does nothing more.
    const again = await catchError(bob.call((api) => api.account.changeEmail({ email: "bob.new@example.com", code })));
    expect(again.code).toBe("PRECONDITION_FAILED");
  });

  it("the code works only for the address it was sent to", async () => {
    const gina = await verifiedClient("gina@example.com");
    await gina.call((api) => api.account.changeEmail({ email: "gina.mine@example.com" }));
    const code = await codeSentTo("gina.mine@example.com");
    const swapped = await catchError(
      gina.call((api) => api.account.changeEmail({ email: "attacker@example.com", code })),
    );
    expect(swapped.code).toBe("PRECONDITION_FAILED");
  });

  it("five wrong codes end the request, even sent in parallel; the right code is then refused", async () => {
    const alice = await verifiedClient("alice@example.com");
    clock.advance(60_000);
    await alice.call((api) => api.account.changeEmail({ email: "alice.guess@example.com" }));
    const code = await codeSentTo("alice.guess@example.com");
    const wrong = code === "000000" ? "111111" : "000000";
    const guesses = await Promise.all(
      Array.from({ length: 10 }, () =>
        catchError(alice.call((api) => api.account.changeEmail({ email: "alice.guess@example.com", code: wrong }))),
      ),
    );
    expect(guesses.filter((g) => g.code === "BAD_REQUEST").length).toBeLessThanOrEqual(5);
    const right = await catchError(
      alice.call((api) => api.account.changeEmail({ email: "alice.guess@example.com", code })),
    );
    expect(right.code).toBe("PRECONDITION_FAILED");
  });

  it("an address another account uses is refused at the first step, and no code is sent to it", async () => {
    const admin = await verifiedClient("admin@example.com");
    const before = await db.outboxEmail.count({ where: { to: "alice@example.com" } });
    expect((await catchError(admin.call((api) => api.account.changeEmail({ email: "alice@example.com" })))).code).toBe(
      "CONFLICT",
    );
    expect(await db.outboxEmail.count({ where: { to: "alice@example.com" } })).toBe(before);
  });

  it("the step that makes the change is itself behind the step-up gate", async () => {
    const fresh = await signedIn(db, clock, "gina@example.com");
    await expectStepUp(
      fresh.call((api) => api.account.changeEmail({ email: "gina.other@example.com", code: "123456" })),
    );
  });
});
