import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  expectStepUp,
  signIn,
  userIdOf,
  verify,
  verifyAliceHigh,
  type Client,
} from "./harness";
import { allowDegrade } from "./support/degrade";

/** Every step-up outcome leaves an audit row naming the user, their organization, IP and user agent. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

const MIN = 60_000;
const IP = "198.51.100.23";
const UA = "AuditBrowser/1.0 (integration)";
const large = { amount: 5000, currency: "USD" as const, to: "Carol" };
const critical = { amount: 10_000, currency: "USD" as const, to: "Dave" };

describe("the audit log", () => {
  const clock = createClock();
  let aliceId: string;
  let acmeId: string;
  let alice: Client;
  const rows = (type: string) =>
    db.stepUpAuditEvent.findMany({ where: { type, userId: aliceId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

  beforeAll(async () => {
    aliceId = await userIdOf(db, "alice@example.com");
    acmeId = (await db.organization.findUniqueOrThrow({ where: { slug: "acme" } })).id;
    alice = allowDegrade(createClient(db, clock, { ip: IP, userAgent: UA }));
    await signIn(alice, "alice@example.com");
  });

  it("a refused call writes stepup.required with the procedure, levels and matched rule", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(large)));
    const [required] = await rows("stepup.required");
    expect(required).toMatchObject({
      severity: "info",
      userId: aliceId,
      actorId: aliceId,
      organizationId: acmeId,
      ip: IP,
      userAgent: UA,
      createdAt: clock.now(),
      data: {
        requirementId: stepUp.requirementId,
        procedure: "transfers.create",
        level: "high",
        currentLevel: "low",
        reason: "Transferring 5,000.00 USD needs a strong check that it's you",
        matchedRules: [{ policyId: "policy-payment-amounts", kind: "amount", level: "high" }],
      },
    });
  });

  it("a wrong code writes stepup.failed; the first right factor stepup.initiated; completing it stepup.verified", async () => {
    const { requirementId } = (await rows("stepup.required"))[0]!.data as { requirementId: string };
    await catchError(verify(alice, requirementId, "backup_code", "zzzzz-zzzzz"));
    expect((await rows("stepup.failed"))[0]).toMatchObject({
      severity: "warning",
      ip: IP,
      userAgent: UA,
      organizationId: acmeId,
      data: { requirementId, method: "backup_code", failure: "invalid", attempt: 1 },
    });

    await verifyAliceHigh(alice, clock, requirementId, true);
    expect(await rows("stepup.initiated")).toEqual([
      expect.objectContaining({ ip: IP, userAgent: UA, data: { requirementId, method: "password" } }),
    ]);
    const grant = await db.stepUpGrant.findUniqueOrThrow({ where: { requirementId } });
    expect(await rows("stepup.verified")).toEqual([
      expect.objectContaining({
        ip: IP,
        userAgent: UA,
        organizationId: acmeId,
        data: {
          requirementId,
          grantId: grant.id,
          level: "high",
          methods: ["password", "totp"],
          degraded: false,
          procedure: "transfers.create",
          coveredRequirementIds: [],
        },
      }),
    ]);
    expect(await rows("stepup.device_remembered")).toEqual([
      expect.objectContaining({ ip: IP, userAgent: UA, data: expect.objectContaining({ level: "high" }) }),
    ]);
  });

  it("a remembered device letting a call through writes stepup.bypassed every time", async () => {
    clock.advance(20 * MIN);
    await signIn(alice, "alice@example.com");
    await alice.call((api) => api.transfers.create(large));
    await alice.call((api) => api.transfers.create(large));
    const bypassed = await rows("stepup.bypassed");
    expect(bypassed).toHaveLength(2);
    expect(bypassed[0]).toMatchObject({
      severity: "info",
      ip: IP,
      userAgent: UA,
      organizationId: acmeId,
      data: { procedure: "transfers.create", level: "high" },
    });
  });

  it("cancelling writes stepup.cancelled; a degraded critical requirement is flagged as stepup.degraded", async () => {
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    expect(await rows("stepup.degraded")).toEqual([
      expect.objectContaining({
        severity: "warning",
        ip: IP,
        data: expect.objectContaining({ requirementId: stepUp.requirementId, level: "critical" }),
      }),
    ]);
    await alice.call((api) => api.stepUp.cancel({ requirementId: stepUp.requirementId }));
    expect(await rows("stepup.cancelled")).toEqual([
      expect.objectContaining({
        ip: IP,
        userAgent: UA,
        organizationId: acmeId,
        data: { requirementId: stepUp.requirementId, procedure: "transfers.create" },
      }),
    ]);
  });

  it("locking a requirement writes stepup.locked (critical); forgetting a device stepup.device_forgotten", async () => {
    clock.advance(MIN);
    const stepUp = await expectStepUp(alice.call((api) => api.transfers.create(critical)));
    for (let i = 0; i < 5; i++) await catchError(verify(alice, stepUp.requirementId, "backup_code", "zzzzz-zzzzz"));
    expect(await rows("stepup.locked")).toEqual([
      expect.objectContaining({
        severity: "critical",
        ip: IP,
        userAgent: UA,
        data: expect.objectContaining({ requirementId: stepUp.requirementId, scope: "requirement" }),
      }),
    ]);
    const [device] = await alice.call((api) => api.stepUp.devices());
    await alice.call((api) => api.stepUp.forgetDevice({ deviceId: device!.id }));
    expect(await rows("stepup.device_forgotten")).toEqual([
      expect.objectContaining({ ip: IP, userAgent: UA, data: { deviceId: device!.id } }),
    ]);
  });

  it("every step-up row of the story names alice, acme, her IP and browser, and each requirement has exactly one stepup.required", async () => {
    const all = await db.stepUpAuditEvent.findMany({ where: { type: { startsWith: "stepup." } } });
    const types = new Set(all.map((e) => e.type));
    for (const type of [
      "required",
      "initiated",
      "verified",
      "failed",
      "bypassed",
      "cancelled",
      "locked",
      "degraded",
      "device_remembered",
      "device_forgotten",
    ]) {
      expect(types).toContain(`stepup.${type}`);
    }
    for (const event of all) {
      expect(event).toMatchObject({ userId: aliceId, actorId: aliceId, organizationId: acmeId, ip: IP, userAgent: UA });
    }
    const requirements = await db.stepUpRequirement.findMany({ where: { userId: aliceId }, select: { id: true } });
    const required = all
      .filter((e) => e.type === "stepup.required")
      .map((e) => (e.data as { requirementId: string }).requirementId);
    expect(required.sort()).toEqual(requirements.map((r) => r.id).sort());
    expect(
      await db.stepUpAuditEvent.count({ where: { type: "auth.signed_in", userId: aliceId, ip: IP, userAgent: UA } }),
    ).toBe(2);
  });

  it("is append-only: no app code updates or deletes audit rows", () => {
    const files = (readdirSync(path.resolve("src"), { recursive: true, encoding: "utf8" }) as string[]).filter(
      (f) => /\.tsx?$/.test(f) && !f.startsWith(`generated${path.sep}`) && !/\.test\.tsx?$/.test(f),
    );
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) =>
      /auditEvent\s*\.\s*(update|updateMany|delete|deleteMany|upsert)\b/.test(
        readFileSync(path.resolve("src", f), "utf8"),
      ),
    );
    expect(offenders).toEqual([]);
  });
});
