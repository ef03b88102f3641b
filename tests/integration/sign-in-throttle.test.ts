import { afterAll, describe, expect, it } from "vitest";
import { SIGN_IN_ACCOUNT_FAILURES, SIGN_IN_IP_FAILURES } from "@/server/auth/sign-in-throttle";
import { catchError, createClient, createClock, createTestDatabase, DEMO_PASSWORD, type Client } from "./harness";
import { APP_ORIGIN, createHttpApi } from "./http-support";

/** Sign-in failures are limited per email address and per client address, in the database. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();

function attempt(client: Client, email: string, password: string) {
  return catchError(client.call((api) => api.auth.signIn({ email, password })));
}

async function failTimes(client: Client, email: string, times: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < times; i++) codes.push((await attempt(client, email, `wrong-${i}`)).code ?? "");
  return codes;
}

describe("sign-in throttling", () => {
  it("after 5 wrong passwords for an account, the next attempt (even the right password) is refused with Retry-After", async () => {
    const client = createClient(db, clock, { ip: "198.51.100.1" });
    expect(await failTimes(client, "bob@example.com", SIGN_IN_ACCOUNT_FAILURES)).toEqual(
      Array(SIGN_IN_ACCOUNT_FAILURES).fill("UNAUTHORIZED"),
    );
    const refused = await attempt(client, "bob@example.com", DEMO_PASSWORD);
    expect(refused.code).toBe("TOO_MANY_REQUESTS");
    expect(refused.message).toMatch(/Too many sign-in attempts/);
    const retryAfter = Number(client.lastHeaders.value.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(client.cookies.has("session")).toBe(false);
    expect(await db.stepUpAuditEvent.count({ where: { type: "auth.sign_in_throttled" } })).toBeGreaterThan(0);

    // From another address too: the limit is on the account.
    const elsewhere = createClient(db, clock, { ip: "198.51.100.2" });
    expect((await attempt(elsewhere, "bob@example.com", DEMO_PASSWORD)).code).toBe("TOO_MANY_REQUESTS");
  });

  it("an unknown account gets the same answers in the same order", async () => {
    const client = createClient(db, clock, { ip: "198.51.100.3" });
    const codes = await failTimes(client, "nobody@example.com", SIGN_IN_ACCOUNT_FAILURES + 1);
    expect(codes).toEqual([...Array(SIGN_IN_ACCOUNT_FAILURES).fill("UNAUTHORIZED"), "TOO_MANY_REQUESTS"]);
    expect((await attempt(client, "nobody@example.com", "x")).message).toMatch(/Too many sign-in attempts/);
  });

  it("a wrong password for an unknown account costs about as long as for a known one (the dummy hash is verified)", async () => {
    const client = createClient(db, clock, { ip: "198.51.100.4" });
    const time = async (email: string) => {
      const start = performance.now();
      await attempt(client, email, "wrong");
      return performance.now() - start;
    };
    const known = [await time("alice@example.com"), await time("alice@example.com")];
    const unknown = [await time("ghost1@example.com"), await time("ghost2@example.com")];
    const ratio = Math.min(...unknown) / Math.min(...known);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
    await client.call((api) => api.auth.signIn({ email: "alice@example.com", password: DEMO_PASSWORD }));
  });

  it("a successful sign-in resets the account's count of failures", async () => {
    const client = createClient(db, clock, { ip: "198.51.100.5" });
    await failTimes(client, "gina@example.com", SIGN_IN_ACCOUNT_FAILURES - 1);
    await client.call((api) => api.auth.signIn({ email: "gina@example.com", password: DEMO_PASSWORD }));
    expect(await failTimes(client, "gina@example.com", SIGN_IN_ACCOUNT_FAILURES)).toEqual(
      Array(SIGN_IN_ACCOUNT_FAILURES).fill("UNAUTHORIZED"),
    );
  });

  it("25 failures from one address over many accounts stop that address, not others", async () => {
    const attacker = createClient(db, clock, { ip: "198.51.100.6" });
    for (let i = 0; i < SIGN_IN_IP_FAILURES; i++)
      expect((await attempt(attacker, `spray${i}@example.com`, "wrong")).code).toBe("UNAUTHORIZED");
    expect((await attempt(attacker, "spray-next@example.com", "wrong")).code).toBe("TOO_MANY_REQUESTS");
    const neighbour = createClient(db, clock, { ip: "198.51.100.7" });
    expect((await attempt(neighbour, "spray-next@example.com", "wrong")).code).toBe("UNAUTHORIZED");
  });

  it("20 parallel guesses at one account: at most 5 are checked, the rest are refused, none fails with a 500", async () => {
    const guesses = Array.from({ length: 20 }, (_, i) =>
      attempt(createClient(db, clock, { ip: `198.51.100.${100 + i}` }), "admin@example.com", `guess-${i}`),
    );
    const codes = (await Promise.all(guesses)).map((r) => r.code);
    expect(codes.filter((c) => c === "UNAUTHORIZED")).toHaveLength(SIGN_IN_ACCOUNT_FAILURES);
    expect(codes.filter((c) => c === "TOO_MANY_REQUESTS")).toHaveLength(20 - SIGN_IN_ACCOUNT_FAILURES);
  });

  it("once the window is over, the account can be tried again", async () => {
    const client = createClient(db, clock, { ip: "198.51.100.8" });
    await failTimes(client, "carol@example.com", SIGN_IN_ACCOUNT_FAILURES + 1);
    expect((await attempt(client, "carol@example.com", "x")).code).toBe("TOO_MANY_REQUESTS");
    await db.signInThrottle.updateMany({ where: { key: "account:carol@example.com" }, data: { expire: new Date(0) } });
    expect((await attempt(client, "carol@example.com", "x")).code).toBe("UNAUTHORIZED");
  });

  it("over HTTP the refusal is a 429 with Retry-After and a typed reason the client can read", async () => {
    const http = createHttpApi(db, clock);
    let response: Response | null = null;
    for (let i = 0; i <= SIGN_IN_ACCOUNT_FAILURES; i++)
      response = await http.mutate(
        "auth.signIn",
        { email: "http@example.com", password: "wrong" },
        { headers: { origin: APP_ORIGIN } },
      );
    expect(response!.status).toBe(429);
    expect(Number(response!.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await response!.json()) as { error: { json: { data: { code: string; refusal: unknown } } } };
    expect(body.error.json.data).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      refusal: { reason: "SIGN_IN_THROTTLED", retryAfter: expect.any(Number) },
    });
  });
});
