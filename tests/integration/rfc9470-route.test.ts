import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseBearerChallenge } from "@step-up/next/server";
import { getStepUpPayload, type StepUpErrorBody, type StepUpRequiredPayload } from "@step-up/next/client";
import { SESSION_COOKIE } from "@/server/auth/session";
import { describeProcedures } from "@step-up/next/testing/server";
import {
  createClient,
  createClock,
  createTestApp,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verifyAliceHigh,
  type Client,
} from "./harness";
import { APP_ORIGIN, createHttpApi } from "./http-support";
import { allowDegrade } from "./support/degrade";

/**
 * POST /api/v1/transfers: the transfer of `transfers.create` as a JSON route handler, refused in RFC 9470's
 * words (401 + WWW-Authenticate) and verified through the `stepUp` tRPC router (ADR 020). The route runs on
 * its own app instance over the same database, as another server would.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const URL_PATH = "/api/v1/transfers";
const high = { amount: 5000, currency: "USD", to: "Carol" };
const critical = { amount: 10_000, currency: "USD", to: "Dave" };

describe("a JSON route behind step-up answers in RFC 9470's words", () => {
  const clock = createClock();
  const route = allowDegradeApp(createTestApp(db, clock));
  let alice: Client;
  let aliceId: string;
  const transfers = () => db.transfer.count({ where: { userId: aliceId } });

  function allowDegradeApp(app: ReturnType<typeof createTestApp>) {
    allowDegrade({ services: app.stepUp.services } as Client);
    return app;
  }
  function post(body: unknown, headers: Record<string, string> = {}, cookie = sessionCookie()) {
    return route.http.createTransfer(
      new Request(new URL(URL_PATH, APP_ORIGIN), {
        method: "POST",
        headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}), ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
  }
  function sessionCookie() {
    return `${SESSION_COOKIE}=${encodeURIComponent(alice.cookies.get(SESSION_COOKIE)!)}`;
  }
  async function refusedWithStepUp(response: Response): Promise<StepUpRequiredPayload> {
    expect(response.status).toBe(401);
    const payload = getStepUpPayload(((await response.json()) as StepUpErrorBody).error);
    expect(payload?.code).toBe("STEP_UP_REQUIRED");
    return payload as StepUpRequiredPayload;
  }

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = allowDegrade(createClient(db, clock));
    await signIn(alice, "alice@example.com");
  });
  beforeEach(() => clock.advance(60_000)); // a fresh TOTP step for every test

  it("a signed-out caller gets 401 with a plain Bearer challenge and no step-up payload", async () => {
    const response = await post(high, {}, "");
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
    const body = (await response.json()) as StepUpErrorBody;
    expect(body.error).toMatchObject({ code: "UNAUTHORIZED", data: { stepUp: null } });
  });

  it("a 5,000 USD transfer is refused with the exact RFC 9470 challenge, which parses back", async () => {
    const response = await post(high);
    const header = response.headers.get("www-authenticate")!;
    expect(header).toBe(
      'Bearer error="insufficient_user_authentication", ' +
        `error_description="Transferring 5,000.00 USD needs a strong check that it's you", ` +
        'acr_values="urn:step-up:level:high urn:step-up:level:critical", max_age=300',
    );
    expect(parseBearerChallenge(header)).toEqual({
      error: "insufficient_user_authentication",
      error_description: "Transferring 5,000.00 USD needs a strong check that it's you",
      acr_values: "urn:step-up:level:high urn:step-up:level:critical",
      max_age: "300",
    });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const payload = await refusedWithStepUp(response);
    const requirement = await db.stepUpRequirement.findUniqueOrThrow({ where: { id: payload.requirementId } });
    expect(requirement).toMatchObject({ procedure: "http:POST /api/v1/transfers", userId: aliceId });
    expect(payload.level).toBe("high");
    // The same payload the tRPC error carries for the same transfer.
    const viaTrpc = await expectStepUp(alice.call((api) => api.transfers.create({ ...high, currency: "USD" })));
    const { requirementId: _a, expiresAt: _b, ...rest } = payload;
    expect(viaTrpc).toMatchObject(rest);
  });

  it("verifying through stepUp.verify lets the very same request through, once", async () => {
    const payload = await refusedWithStepUp(await post(high));
    expect((await verifyAliceHigh(alice, clock, payload.requirementId)).status).toBe("fulfilled");
    const count = await transfers();
    const response = await post(high);
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ transfer: { amountMinor: 500_000, currency: "USD", to: "Carol" } });
    expect(await transfers()).toBe(count + 1);
  });

  it("a critical grant runs one request; replaying it asks again (max_age=0)", async () => {
    const refused = await post(critical);
    expect(refused.headers.get("www-authenticate")).toContain('acr_values="urn:step-up:level:critical", max_age=0');
    const payload = await refusedWithStepUp(refused);
    expect((await verifyAliceHigh(alice, clock, payload.requirementId)).status).toBe("fulfilled");
    const count = await transfers();
    expect((await post(critical)).status).toBe(201);
    const replay = await post(critical);
    expect((await refusedWithStepUp(replay)).level).toBe("critical");
    expect(await transfers()).toBe(count + 1);
  });

  it("a body changed after verifying a critical call is refused; the verified one still runs", async () => {
    const payload = await refusedWithStepUp(await post(critical));
    await verifyAliceHigh(alice, clock, payload.requirementId);
    const count = await transfers();
    // Same amount, another recipient: another call hash, so the grant does not apply.
    await refusedWithStepUp(await post({ ...critical, to: "Mallory" }));
    // Key order and whitespace are not part of the binding (canonical JSON of the parsed input).
    const reordered = `{ "to": "Dave", "currency": "USD", "amount": 10000 }`;
    expect((await post(reordered)).status).toBe(201);
    expect(await transfers()).toBe(count + 1);
    expect(await db.transfer.count({ where: { userId: aliceId, to: "Mallory" } })).toBe(0);
  });

  it("a critical grant earned for transfers.create does not open the route (the name is bound)", async () => {
    const payload = await expectStepUp(alice.call((api) => api.transfers.create({ ...critical, currency: "USD" })));
    await verifyAliceHigh(alice, clock, payload.requirementId);
    await refusedWithStepUp(await post(critical));
    // …and it is still there for the tRPC call it was earned for.
    expect(await alice.call((api) => api.transfers.create({ ...critical, currency: "USD" }))).toMatchObject({
      to: "Dave",
    });
  });

  it.each<[string, Record<string, string>]>([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "sec-fetch-site": "cross-site", origin: APP_ORIGIN }],
    ["Origin: null", { origin: "null" }],
  ])("%s is refused with 403 before anything is stored", async (_title, headers) => {
    const before = await db.stepUpRequirement.count({ where: { userId: aliceId } });
    const response = await post(high, headers);
    expect(response.status).toBe(403);
    expect(((await response.json()) as StepUpErrorBody).error.code).toBe("CROSS_SITE");
    expect(await db.stepUpRequirement.count({ where: { userId: aliceId } })).toBe(before);
  });

  it("invalid input is a 400 with the field's message, and the wrong media type a 415", async () => {
    const invalid = await post({ ...high, amount: 1.234 });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(await invalid.json())).toContain("at most two decimals");
    expect((await post("{", {})).status).toBe(400);
    expect((await post(high, { "content-type": "text/plain" })).status).toBe(415);
  });

  it("a transfer the balance cannot cover fails on the precheck (400), before any step-up", async () => {
    const before = await db.stepUpRequirement.count({ where: { userId: aliceId } });
    const response = await post({ amount: 999_999, currency: "USD", to: "Carol" });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { message: "Insufficient balance", data: { stepUp: null } } });
    expect(await db.stepUpRequirement.count({ where: { userId: aliceId } })).toBe(before);
  });

  it("guessing on a route's requirement locks it: stepUp.verify answers 429 with Retry-After", async () => {
    const payload = await refusedWithStepUp(await post(high));
    const api = createHttpApi(db, clock);
    const attempt = () =>
      api.mutate(
        "stepUp.verify",
        { requirementId: payload.requirementId, method: "backup_code", credential: "zzzzz-zzzzz" },
        { headers: { cookie: sessionCookie(), origin: APP_ORIGIN } },
      );
    for (let i = 0; i < 4; i++) expect((await attempt()).status).toBe(400);
    const locked = await attempt();
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(JSON.stringify(await locked.json())).toContain('"code":"LOCKED"');
  });

  it("fails closed: when the gate cannot decide, 503 and the handler does not run", async () => {
    const broken = createTestApp(db, clock);
    broken.stepUp.services.policies.load = () => Promise.reject(new Error("policies unreadable"));
    broken.stepUp.services.onError = () => undefined;
    const count = await transfers();
    const response = await broken.http.createTransfer(
      new Request(new URL(URL_PATH, APP_ORIGIN), {
        method: "POST",
        headers: { "content-type": "application/json", cookie: sessionCookie() },
        body: JSON.stringify({ amount: 1, currency: "USD", to: "Carol" }),
      }),
    );
    expect(response.status).toBe(503);
    expect(JSON.stringify(await response.json())).not.toContain("unreadable");
    expect(await transfers()).toBe(count);
  });

  it("the admin catalog lists the route under its http: name", () => {
    const entry = route.stepUp.services.catalog.list().find((e) => e.path === "http:POST /api/v1/transfers");
    expect(entry).toMatchObject({ type: "mutation", auth: "signed_in" });
    expect(route.stepUp.services.catalog.get("http:POST /api/v1/transfers")?.declaration.resource).toEqual({
      type: "transfer",
      action: "create",
    });
    // The admin procedures page lists it like transfers.create, with the same reach of the amount rules.
    const rows = describeProcedures(route.stepUp.services.catalog.list(), []);
    const row = rows.find((r) => r.path === "http:POST /api/v1/transfers");
    expect(row).toMatchObject({ type: "mutation", protectedByStepUp: true, sensitiveButUnprotected: false });
    expect(rows.some((r) => r.path === "action:transfers.create")).toBe(true);
  });
});
