import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getStepUpPayload, type StepUpRequiredPayload } from "@step-up/next/client";
import { SESSION_COOKIE } from "@/server/auth/session";
import {
  createClient,
  createClock,
  createTestApp,
  createTestDatabase,
  signIn,
  userIdOf,
  verifyAliceHigh,
  type Client,
} from "./harness";
import { APP_ORIGIN } from "./http-support";

/** The request headers Next's `headers()` returns inside the Server Action (set per test). */
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));

/**
 * The quick-transfer Server Action: the same gate as `transfers.create` and POST /api/v1/transfers, with
 * refusals returned as results whose `error.data.stepUp` the client's useStepUpAction hands to the dialog.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const high = { amount: 5000, currency: "USD" as const, to: "Carol" };

describe("a Server Action behind step-up", () => {
  const clock = createClock();
  const app = createTestApp(db, clock);
  let alice: Client;
  let aliceId: string;
  const transfers = () => db.transfer.count({ where: { userId: aliceId } });
  const asAlice = (extra: Record<string, string> = {}) => {
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(alice.cookies.get(SESSION_COOKIE)!)}`;
    request.headers = new Headers({ cookie, origin: APP_ORIGIN, ...extra });
  };

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });
  beforeEach(() => clock.advance(60_000));

  it("refuses with the tRPC payload, then runs once verified through stepUp.verify", async () => {
    asAlice();
    const refused = await app.http.createTransferAction(high);
    expect(refused.ok).toBe(false);
    const payload = getStepUpPayload(!refused.ok ? refused.error : null) as StepUpRequiredPayload;
    expect(payload).toMatchObject({ code: "STEP_UP_REQUIRED", level: "high" });
    const requirement = await db.stepUpRequirement.findUniqueOrThrow({ where: { id: payload.requirementId } });
    expect(requirement.procedure).toBe("action:transfers.create");

    await verifyAliceHigh(alice, clock, payload.requirementId);
    const count = await transfers();
    const done = await app.http.createTransferAction(high);
    expect(done).toMatchObject({ ok: true, data: { amountMinor: 500_000, to: "Carol" } });
    expect(await transfers()).toBe(count + 1);
  });

  it("a signed-out call, a cross-site call and invalid input are refused without running", async () => {
    const count = await transfers();
    request.headers = new Headers({ origin: APP_ORIGIN });
    expect(await app.http.createTransferAction(high)).toMatchObject({
      ok: false,
      error: { code: "UNAUTHORIZED", data: { httpStatus: 401, stepUp: null } },
    });
    asAlice({ origin: "https://evil.example" });
    expect(await app.http.createTransferAction(high)).toMatchObject({ ok: false, error: { code: "CROSS_SITE" } });
    asAlice();
    expect(await app.http.createTransferAction({ ...high, amount: -1 })).toMatchObject({
      ok: false,
      error: { code: "BAD_REQUEST", data: { httpStatus: 400 } },
    });
    expect(await transfers()).toBe(count);
  });

  it("is listed in the catalog as action:transfers.create", () => {
    expect(app.stepUp.services.catalog.get("action:transfers.create")).not.toBeNull();
  });
});
