import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditCsvRoute } from "@/server/http/audit-csv";
import { ADMIN, GINA, adminTotp, asAdminWithStepUp, draft, orgId, signedIn } from "./admin-helpers";
import {
  catchError,
  createClient,
  createClock,
  createTestDatabase,
  DEMO_PASSWORD,
  expectStepUp,
  userIdOf,
  verify,
  type Client,
  createTestApp,
} from "./harness";

/** Admin data and admin changes are for the admins of the active organization, and only their organization. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());

type Api = Parameters<Parameters<Client["call"]>[0]>[0];

const appRouter = createTestApp(db, createClock()).router;
const ADMIN_PATHS = Object.keys(appRouter._def.procedures).filter((path) => path.startsWith("stepUp.admin."));
const DAY = 86_400_000;

/** A plausible input per procedure, so a refusal proves the role check and not a validation error. */
function sampleInput(path: string, ids: { policyId: string; userId: string }): unknown {
  const period = { from: new Date(Date.now() - 30 * DAY), to: new Date() };
  const samples: Record<string, unknown> = {
    "stepUp.admin.policies.get": { id: ids.policyId },
    "stepUp.admin.policies.create": draft(),
    "stepUp.admin.policies.update": { id: ids.policyId, ...draft() },
    "stepUp.admin.policies.setEnabled": { id: ids.policyId, enabled: false },
    "stepUp.admin.policies.delete": { id: ids.policyId },
    "stepUp.admin.policies.checkCondition": { expression: "risk > 0.5" },
    "stepUp.admin.simulate": {
      procedure: "transfers.create",
      amount: { value: 5000, currency: "USD" },
      risk: 0,
      minutesSinceVerification: null,
    },
    "stepUp.admin.devices.list": { userId: ids.userId },
    "stepUp.admin.devices.revoke": { deviceId: "device-1" },
    "stepUp.admin.devices.removePasskey": { passkeyId: "passkey-1" },
    "stepUp.admin.audit.list": { limit: 10 },
    "stepUp.admin.audit.chart": period,
    "stepUp.admin.audit.metrics": period,
    "stepUp.admin.audit.funnel": period,
    "stepUp.admin.support.user": { userId: ids.userId },
    "stepUp.admin.webhooks.deliveries": {},
    "stepUp.admin.webhooks.create": { url: "https://hooks.example.com/step-up", events: ["*"] },
    "stepUp.admin.webhooks.setEnabled": { id: "endpoint-1", enabled: false },
    "stepUp.admin.webhooks.delete": { id: "endpoint-1" },
    "stepUp.admin.webhooks.retry": { deliveryId: "delivery-1" },
  };
  return samples[path];
}

function callPath(client: Client, path: string, input: unknown): Promise<unknown> {
  return client.call((api) => {
    const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], api) as (
      input: unknown,
    ) => Promise<unknown>;
    return procedure(input);
  });
}

async function sideEffects() {
  return {
    policies: await db.stepUpPolicy.findMany({ orderBy: { id: "asc" } }),
    audit: await db.stepUpAuditEvent.count(),
    requirements: await db.stepUpRequirement.count(),
    devices: await db.stepUpRememberedDevice.findMany({ orderBy: { id: "asc" } }),
    passkeys: await db.stepUpPasskey.count(),
  };
}

describe("who may use the admin procedures", () => {
  const clock = createClock();
  let ids: { policyId: string; userId: string };

  beforeAll(async () => {
    const acme = await orgId(db, "acme");
    const policy = await db.stepUpPolicy.create({
      data: {
        name: "Acme rule",
        organizationId: acme,
        rules: [{ kind: "procedure", pattern: "apiKeys.*", level: "high" }],
      },
    });
    ids = { policyId: policy.id, userId: await userIdOf(db, "bob@example.com") };
  });

  it("the router has admin procedures under stepUp.admin.* (policies, simulator, procedures, members, devices, audit, support)", () => {
    expect(ADMIN_PATHS).toEqual(
      expect.arrayContaining([
        "stepUp.admin.policies.list",
        "stepUp.admin.policies.create",
        "stepUp.admin.simulate",
        "stepUp.admin.procedures",
        "stepUp.admin.members",
        "stepUp.admin.devices.revoke",
        "stepUp.admin.audit.list",
        "stepUp.admin.audit.metrics",
        "stepUp.admin.support.user",
      ]),
    );
  });

  it("a member (alice) is refused by every admin procedure with FORBIDDEN, gets no data and changes nothing", async () => {
    const alice = await signedIn(db, clock, "alice@example.com");
    const before = await sideEffects();
    for (const path of ADMIN_PATHS) {
      const error = await catchError(callPath(alice, path, sampleInput(path, ids)));
      expect({ path, code: error.code, stepUp: error.stepUp, message: error.message }).toEqual({
        path,
        code: "FORBIDDEN",
        stepUp: null,
        message: "Admins only",
      });
    }
    // Not even a step-up requirement: the role is checked before the step-up gate.
    expect(await sideEffects()).toEqual(before);
  });

  it("a signed-out caller is refused by every admin procedure with UNAUTHORIZED", async () => {
    const anonymous = createClient(db, clock);
    for (const path of ADMIN_PATHS) {
      expect({ path, code: (await catchError(callPath(anonymous, path, sampleInput(path, ids)))).code }).toEqual({
        path,
        code: "UNAUTHORIZED",
      });
    }
  });

  it("the same inputs reach Acme's admin: reads answer, changes ask for step-up first", async () => {
    const admin = await signedIn(db, clock, ADMIN);
    const before = await db.stepUpPolicy.findMany({ orderBy: { id: "asc" } });
    for (const path of ADMIN_PATHS) {
      const procedure = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!;
      const outcome = await callPath(admin, path, sampleInput(path, ids)).then(
        () => "ok",
        (error: unknown) => error,
      );
      if (procedure._def.type === "mutation") {
        await expectStepUp(Promise.reject(outcome));
      } else if (outcome !== "ok") {
        throw new Error(`${path} failed for the admin: ${String(outcome)}`);
      }
    }
    expect(await db.stepUpPolicy.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("the CSV export answers 401 signed out and 403 to a member", async () => {
    const request = (client: Client | null) =>
      new Request("http://localhost/api/admin/audit.csv", {
        headers: client ? { cookie: `session=${client.cookies.get("session")}` } : {},
      });
    expect((await auditCsvRoute(createTestApp(db, clock), request(null))).status).toBe(401);
    const alice = await signedIn(db, clock, "alice@example.com");
    const refused = await auditCsvRoute(createTestApp(db, clock), request(alice));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Admins only");
  });
});

describe("Acme's admin and Globex's rows", () => {
  const clock = createClock();
  let admin: Client;
  let gina: Client;
  let ginaId: string;
  let globexPolicyId: string;
  let ginaDeviceId: string;
  let ginaPasskeyId: string;

  beforeAll(async () => {
    ginaId = await userIdOf(db, GINA);
    gina = await signedIn(db, clock, GINA);
    // A small transfer at medium, trusting this browser: a Globex device row...
    const transfer = await expectStepUp(
      gina.call((api) => api.transfers.create({ amount: 5, currency: "USD", to: "Ivan" })),
    );
    await verify(gina, transfer.requirementId, "password", DEMO_PASSWORD, true);
    ginaDeviceId = (await db.stepUpRememberedDevice.findFirstOrThrow({ where: { userId: ginaId } })).id;
    // ...then a Globex policy (her own step-up high: password + authenticator code, not trusting the device).
    const refused = await expectStepUp(
      gina.call((api) => api.stepUp.admin.policies.create(draft({ name: "Globex policy" }))),
    );
    expect(refused).toMatchObject({ level: "high", degraded: false });
    await verify(gina, refused.requirementId, "password", DEMO_PASSWORD);
    await verify(gina, refused.requirementId, "totp", await adminTotp(gina, GINA));
    globexPolicyId = (await gina.call((api) => api.stepUp.admin.policies.create(draft({ name: "Globex policy" })))).id;
    ginaPasskeyId = (
      await db.stepUpPasskey.create({
        data: { userId: ginaId, credentialId: "gina-cred", publicKey: Buffer.from([1, 2, 3]), name: "Gina's key" },
      })
    ).id;
    admin = await signedIn(db, clock, ADMIN);
  });

  it("Gina's own admin pages show her rows (the rows exist)", async () => {
    expect((await gina.call((api) => api.stepUp.admin.policies.list())).map((p) => p.id)).toContain(globexPolicyId);
    const devices = await gina.call((api) => api.stepUp.admin.devices.list({}));
    expect(devices.devices.map((d) => d.id)).toEqual([ginaDeviceId]);
    expect(devices.passkeys.map((p) => p.id)).toEqual([ginaPasskeyId]);
    expect((await gina.call((api) => api.stepUp.admin.audit.list({ limit: 100 }))).items.length).toBeGreaterThan(0);
  });

  it("Acme's admin cannot read Globex's policy, devices, passkeys, audit rows or members", async () => {
    expect((await admin.call((api) => api.stepUp.admin.policies.list())).map((p) => p.id)).not.toContain(
      globexPolicyId,
    );
    expect((await catchError(admin.call((api) => api.stepUp.admin.policies.get({ id: globexPolicyId })))).code).toBe(
      "NOT_FOUND",
    );
    expect(await admin.call((api) => api.stepUp.admin.devices.list({ userId: ginaId }))).toEqual({
      devices: [],
      passkeys: [],
    });
    const all = await admin.call((api) => api.stepUp.admin.devices.list({}));
    expect([...all.devices, ...all.passkeys].map((d) => d.userId)).not.toContain(ginaId);
    expect((await admin.call((api) => api.stepUp.admin.audit.list({ userId: ginaId, limit: 100 }))).items).toEqual([]);
    const globex = await orgId(db, "globex");
    const page = await admin.call((api) => api.stepUp.admin.audit.list({ limit: 100 }));
    expect(await db.stepUpAuditEvent.count({ where: { organizationId: globex } })).toBeGreaterThan(0);
    expect(page.items.map((i) => i.userId)).not.toContain(ginaId);
    expect((await admin.call((api) => api.stepUp.admin.members())).map((m) => m.email)).not.toContain(GINA);
    expect((await catchError(admin.call((api) => api.stepUp.admin.support.user({ userId: ginaId })))).code).toBe(
      "NOT_FOUND",
    );
    expect(
      (
        await catchError(
          admin.call((api) =>
            api.stepUp.admin.simulate({
              userId: ginaId,
              procedure: "profile.update",
              risk: 0,
              minutesSinceVerification: null,
            }),
          ),
        )
      ).code,
    ).toBe("NOT_FOUND");
    const csv = await auditCsvRoute(
      createTestApp(db, clock),
      new Request(`http://localhost/api/admin/audit.csv?userId=${ginaId}`, {
        headers: { cookie: `session=${admin.cookies.get("session")}` },
      }),
    );
    expect((await csv.text()).trim().split("\r\n")).toHaveLength(1); // the header only
  });

  it("Acme's admin, even after step-up, cannot change Globex's policy, devices or passkeys, and nothing changes", async () => {
    const before = {
      policy: await db.stepUpPolicy.findUniqueOrThrow({ where: { id: globexPolicyId } }),
      device: await db.stepUpRememberedDevice.findUniqueOrThrow({ where: { id: ginaDeviceId } }),
      passkeys: await db.stepUpPasskey.count({ where: { userId: ginaId } }),
      globexAudit: await db.stepUpAuditEvent.count({ where: { organizationId: await orgId(db, "globex") } }),
    };
    const attempts: Array<(api: Api) => Promise<unknown>> = [
      (api: Api) =>
        api.stepUp.admin.policies.update({ id: globexPolicyId, ...draft({ name: "Hijacked", enabled: false }) }),
      (api: Api) => api.stepUp.admin.policies.setEnabled({ id: globexPolicyId, enabled: false }),
      (api: Api) => api.stepUp.admin.policies.delete({ id: globexPolicyId }),
      (api: Api) => api.stepUp.admin.devices.revoke({ deviceId: ginaDeviceId }),
      (api: Api) => api.stepUp.admin.devices.removePasskey({ passkeyId: ginaPasskeyId }),
    ];
    for (const attempt of attempts) {
      expect((await catchError(asAdminWithStepUp(admin, attempt))).code).toBe("NOT_FOUND");
    }
    // A policy scoped to Gina would be an Acme row about a Globex user: refused as well.
    expect(
      await catchError(admin.call((api) => api.stepUp.admin.policies.create(draft({ userId: ginaId })))),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect({
      policy: await db.stepUpPolicy.findUniqueOrThrow({ where: { id: globexPolicyId } }),
      device: await db.stepUpRememberedDevice.findUniqueOrThrow({ where: { id: ginaDeviceId } }),
      passkeys: await db.stepUpPasskey.count({ where: { userId: ginaId } }),
      globexAudit: await db.stepUpAuditEvent.count({ where: { organizationId: await orgId(db, "globex") } }),
    }).toEqual(before);
  });

  it("a global policy is visible to an org admin but read-only", async () => {
    const list = await admin.call((api) => api.stepUp.admin.policies.list());
    expect(list.find((p) => p.id === "policy-payment-amounts")).toMatchObject({ scope: "global", editable: false });
    const before = await db.stepUpPolicy.findUniqueOrThrow({ where: { id: "policy-payment-amounts" } });
    const error = await catchError(
      asAdminWithStepUp(admin, (api) =>
        api.stepUp.admin.policies.setEnabled({ id: "policy-payment-amounts", enabled: false }),
      ),
    );
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Global policies are read-only" });
    expect(
      (await catchError(admin.call((api) => api.stepUp.admin.policies.delete({ id: "policy-payment-amounts" })))).code,
    ).toBe("FORBIDDEN");
    expect(await db.stepUpPolicy.findUniqueOrThrow({ where: { id: "policy-payment-amounts" } })).toEqual(before);
  });
});
