import { expect, test } from "@playwright/test";
import { ACCOUNTS, ACME_POLICY_ID, SECURITY_PASSWORD } from "./support/accounts";
import { policyExists, userIdOf } from "./support/db";
import { Client, dataOf } from "./support/http";
import { signedIn, stepUpOf, transfer } from "./support/step-up";

/**
 * Admin procedures check the role on the server for every call, and an admin sees and changes only
 * their own organization (ASVS 8.2.1, 8.4.1). globex admins aim at acme's rows here.
 */
const draft = {
  name: "Catalog policy",
  description: "",
  priority: 1,
  enabled: false,
  mode: "enforce",
  rules: [{ kind: "procedure", pattern: "securityCatalog.none", level: "medium" }],
};

test("R-22 admin procedures called by a member are 403, without a step-up prompt", async () => {
  const member = await signedIn("policyMember");
  const someone = userIdOf(ACCOUNTS.idorOwner.email);
  const queries: Array<[string, unknown]> = [
    ["stepUp.admin.policies.list", undefined],
    ["stepUp.admin.policies.get", { id: ACME_POLICY_ID }],
    ["stepUp.admin.audit.list", {}],
    ["stepUp.admin.devices.list", {}],
    ["stepUp.admin.members", undefined],
    ["stepUp.admin.procedures", undefined],
    ["stepUp.admin.support.user", { userId: someone }],
  ];
  for (const [path, input] of queries) {
    const result = await member.query(path, input);
    expect(result.status, path).toBe(403);
  }
  const mutations: Array<[string, unknown]> = [
    ["stepUp.admin.policies.create", draft],
    ["stepUp.admin.policies.delete", { id: ACME_POLICY_ID }],
    ["stepUp.admin.devices.revoke", { deviceId: "x" }],
  ];
  for (const [path, input] of mutations) {
    const result = await member.mutation(path, input);
    expect(result.status, path).toBe(403);
    expect(result.ok ? null : (result.error.data.stepUp ?? null), `${path} must not offer a step-up`).toBeNull();
  }
  expect(policyExists(ACME_POLICY_ID)).toBe(true);
});

test("R-23 the audit CSV download is refused to a member and to an anonymous visitor", async () => {
  const member = await signedIn("policyMember");
  expect((await member.client.raw("GET", "/api/admin/audit.csv")).status).toBe(403);
  expect((await new Client().raw("GET", "/api/admin/audit.csv")).status).toBe(401);
});

test("R-24 an admin of another organization cannot read an acme policy", async () => {
  const admin = await signedIn("globexAdmin");
  expect((await admin.query("stepUp.admin.policies.get", { id: ACME_POLICY_ID })).status).toBe(404);
  const list = dataOf(await admin.query<Array<{ id: string }>>("stepUp.admin.policies.list"));
  expect(list.map((p) => p.id)).not.toContain(ACME_POLICY_ID);
});

test("R-25 an admin of another organization cannot change or delete an acme policy, even after step-up", async () => {
  const admin = await signedIn("globexAdminPolicies");
  const update = await admin.withStepUp("stepUp.admin.policies.update", { ...draft, id: ACME_POLICY_ID }, [
    "password",
    "backup_code",
  ]);
  expect(update.status).toBe(404);
  // The high grant now covers the next call: the delete is judged on ownership alone.
  const remove = await admin.mutation("stepUp.admin.policies.delete", { id: ACME_POLICY_ID });
  expect(remove.status).toBe(404);
  expect(policyExists(ACME_POLICY_ID)).toBe(true);
});

test("R-26 an admin of another organization sees no acme audit rows, members or support data", async () => {
  const acmeUser = await signedIn("crossOrgTarget");
  const admin = await signedIn("globexAdmin");
  const audit = dataOf(
    await admin.query<{ items: Array<{ userId: string | null }> }>("stepUp.admin.audit.list", {
      userId: acmeUser.userId,
    }),
  );
  expect(audit.items).toEqual([]);
  const members = dataOf(await admin.query<Array<{ email: string }>>("stepUp.admin.members"));
  expect(members.map((m) => m.email)).not.toContain(acmeUser.email);
  expect((await admin.query("stepUp.admin.support.user", { userId: acmeUser.userId })).status).toBe(404);
  const devices = await admin.query<{ devices: unknown[]; passkeys: unknown[] }>("stepUp.admin.devices.list", {
    userId: acmeUser.userId,
  });
  if (devices.ok) expect(devices.data).toEqual({ devices: [], passkeys: [] });
  else expect(devices.status).toBe(404);
});

test("R-27 the audit CSV of another organization's admin holds no acme rows", async () => {
  const acmeUser = await signedIn("crossOrgTarget");
  const admin = await signedIn("globexAdmin");
  const csv = await admin.client.raw("GET", "/api/admin/audit.csv");
  expect(csv.status).toBe(200);
  expect(csv.text).not.toContain(acmeUser.userId);
  expect(csv.text).not.toContain(acmeUser.email);
});

test("R-28 an admin of another organization cannot revoke an acme member's remembered device", async () => {
  const acmeUser = await signedIn("crossOrgDevice");
  const stepUp = stepUpOf(await acmeUser.mutation("transfers.create", transfer(1)));
  dataOf(await acmeUser.verify(stepUp.requirementId, "password", SECURITY_PASSWORD, true));
  const [device] = dataOf(await acmeUser.query<Array<{ id: string }>>("stepUp.devices"));
  const admin = await signedIn("globexAdminDevices");
  const revoke = await admin.withStepUp("stepUp.admin.devices.revoke", { deviceId: device!.id }, [
    "password",
    "backup_code",
  ]);
  expect(revoke.status).toBe(404);
  const still = dataOf(await acmeUser.query<Array<{ id: string }>>("stepUp.devices"));
  expect(still.map((d) => d.id)).toContain(device!.id);
});

test("R-29 an admin of another organization cannot remove an acme member's passkey", async () => {
  const acmeUser = await signedIn("crossOrgPasskey");
  await acmeUser.registerPasskey();
  const admin = await signedIn("globexAdminPasskeys");
  const remove = await admin.withStepUp("stepUp.admin.devices.removePasskey", { passkeyId: acmeUser.passkeyId }, [
    "password",
    "backup_code",
  ]);
  expect(remove.status).toBe(404);
  const overview = dataOf(await acmeUser.query<{ passkeys: Array<{ id: string }> }>("stepUp.security.overview"));
  expect(overview.passkeys.map((p) => p.id)).toContain(acmeUser.passkeyId);
});
