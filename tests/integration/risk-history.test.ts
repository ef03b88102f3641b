import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "@step-up/next/engine";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  signedIn,
  userIdOf,
  verifyAliceHigh,
  type ClientOptions,
} from "./harness";

/**
 * The risk score compares a call with the user's own recent history (sign-ins and verified step-ups
 * of earlier sessions), not with the session's own sign-in, which a fresh session always matches.
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
const HOME = { ip: "198.51.100.10", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/131.0.0.0" };
const large = { amount: 5000, currency: "USD" as const, to: "Carol" }; // high

describe("risk against the user's history", () => {
  const clock = createClock();
  let aliceId: string;

  /** The risk recorded for a high transfer refused in a new session from `where`. */
  async function riskFrom(where: ClientOptions): Promise<number> {
    const client = await signedIn(db, clock, "alice@example.com", where);
    const stepUp = await expectStepUp(client.call((api) => api.transfers.create(large)));
    return riskOf(stepUp.requirementId);
  }
  async function riskOf(requirementId: string): Promise<number> {
    const rows = await db.stepUpAuditEvent.findMany({ where: { type: "stepup.required", userId: aliceId } });
    const data = rows.map((row) => row.data as { requirementId: string; risk: number });
    const row = data.find((d) => d.requirementId === requirementId);
    if (!row) throw new Error(`No stepup.required row for ${requirementId}`);
    return row.risk;
  }

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    // Alice's usual place: a sign-in and a verified step-up from home a week ago.
    const home = await signedIn(db, clock, "alice@example.com", HOME);
    const stepUp = await expectStepUp(home.call((api) => api.transfers.create(large)));
    await verifyAliceHigh(home, clock, stepUp.requirementId);
    clock.advance(7 * DAY);
  });

  it("a new session from alice's usual IP and browser scores 0", async () => {
    expect(await riskFrom(HOME)).toBe(0);
  });

  it("a brand-new session from a never-seen IP and browser scores above 0", async () => {
    // 0.3 (IP) + 0.2 (browser): below the default remember-device limit, so a matching device still
    // counts and the dialog still offers to remember this one; a risk rule at 0.5 would now match.
    const risk = await riskFrom({ ip: "192.0.2.66", userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0" });
    expect(risk).toBe(0.5);
    expect(risk).toBeLessThan(DEFAULT_CONFIG.rememberDevice.maxRisk);
  });

  it.each([
    ["a new IP with the usual browser", { ...HOME, ip: "192.0.2.67" }, 0.3],
    ["the usual IP with a new browser", { ...HOME, userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1.15" }, 0.2],
  ])("%s scores only what is new (%s)", async (_title, where, expected) => {
    expect(await riskFrom(where)).toBe(expected);
  });

  it("an unknown IP counts as new, never as usual", async () => {
    expect(await riskFrom({ ...HOME, ip: "" })).toBe(0.3);
  });

  it("an attacker's own refused calls and failed sign-ins do not make their network usual", async () => {
    const where = { ip: "192.0.2.99", userAgent: "curl/8.5.0" };
    const attacker = createClient(db, clock, where);
    for (let i = 0; i < 3; i++)
      await catchError(attacker.call((api) => api.auth.signIn({ email: "alice@example.com", password: "guess" })));
    await signIn(attacker, "alice@example.com");
    for (let i = 0; i < 3; i++) await expectStepUp(attacker.call((api) => api.transfers.create(large)));
    const last = await expectStepUp(attacker.call((api) => api.transfers.create(large)));
    expect(await riskOf(last.requirementId)).toBe(0.5);
  });

  it("history older than the window is forgotten", async () => {
    clock.advance(91 * DAY);
    expect(await riskFrom(HOME)).toBe(0.5);
    // That sign-in is history for the next session again.
    clock.advance(MIN);
    expect(await riskFrom(HOME)).toBe(0);
  });
});
