import { afterAll, describe, expect, it } from "vitest";
import { createClock, createTestDatabase, DEMO_PASSWORD } from "./harness";
import { APP_ORIGIN, createHttpApi } from "./http-support";

/** What the tRPC endpoint refuses at the HTTP layer, through the real fetch handler. */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();
const http = createHttpApi(db, clock);

describe("cookies that cannot be parsed", () => {
  it("a malformed session cookie is an absent cookie, not a 500", async () => {
    const response = await http.query("auth.me", { headers: { cookie: "session=%E0%A4%A" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ result: { data: { json: null } } });
  });

  it("a malformed cookie beside a valid one does not hide the valid one", async () => {
    const signIn = await http.mutate("auth.signIn", { email: "bob@example.com", password: DEMO_PASSWORD });
    const token = /session=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")?.[1];
    expect(token).toBeTruthy();
    const response = await http.query("auth.me", { headers: { cookie: `broken=%E0%A4%A; session=${token}` } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { result: { data: { json: { email: string } } } }).result.data.json.email).toBe(
      "bob@example.com",
    );
  });
});

describe("batch limits", () => {
  it("a batch of more calls than the limit is refused whole with 400, and no password is checked", async () => {
    const before = await db.stepUpAuditEvent.count({ where: { type: "auth.sign_in_failed" } });
    const response = await http.mutate(
      "auth.signIn",
      { email: "bob@example.com", password: "wrong-password" },
      { batch: 25, headers: { origin: APP_ORIGIN } },
    );
    expect(response.status).toBe(400);
    expect(await db.stepUpAuditEvent.count({ where: { type: "auth.sign_in_failed" } })).toBe(before);
  });

  it("a batch within the limit still works", async () => {
    const response = await http.mutate(
      "auth.signIn",
      { email: "bob@example.com", password: DEMO_PASSWORD },
      { batch: 2, headers: { origin: APP_ORIGIN } },
    );
    expect(response.status).toBe(200);
  });
});

describe("cross-site requests", () => {
  async function bobSessionCookie(): Promise<string> {
    const signIn = await http.mutate("auth.signIn", { email: "bob@example.com", password: DEMO_PASSWORD });
    return `session=${/session=([^;]+)/.exec(signIn.headers.get("set-cookie") ?? "")![1]}`;
  }
  const me = async (cookie: string) =>
    ((await (await http.query("auth.me", { headers: { cookie } })).json()) as { result: { data: { json: unknown } } })
      .result.data.json;

  it("a sign-out posted from another site is refused with 403 in tRPC's error shape, and the session survives", async () => {
    const cookie = await bobSessionCookie();
    const response = await http.mutate("auth.signOut", undefined, {
      headers: { cookie, origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(403);
    const body = (await response.json()) as { error: { json: { message: string; data: Record<string, unknown> } } };
    expect(body.error.json.data).toMatchObject({
      code: "FORBIDDEN",
      httpStatus: 403,
      refusal: { reason: "CROSS_SITE" },
    });
    expect(body.error.json.message).toMatch(/did not come from this site/);
    expect(await me(cookie)).toMatchObject({ email: "bob@example.com" });
  });

  it.each([
    ["a foreign Origin alone", { origin: "https://evil.example" }],
    ["Origin: null (a sandboxed frame)", { origin: "null" }],
    ["Sec-Fetch-Site: cross-site alone", { "sec-fetch-site": "cross-site" }],
    ["Sec-Fetch-Site: same-site (a sibling subdomain)", { "sec-fetch-site": "same-site" }],
    ["our Origin but a cross-site fetch", { origin: APP_ORIGIN, "sec-fetch-site": "cross-site" }],
  ])("a state-changing POST with %s is refused", async (_name, headers) => {
    const cookie = await bobSessionCookie();
    const response = await http.mutate("profile.update", { name: "Mallory" }, { headers: { cookie, ...headers } });
    expect(response.status).toBe(403);
    expect(await me(cookie)).toMatchObject({ name: "Bob Brown" });
  });

  it("our own origin passes, and so does a client that sends neither header (curl, server to server)", async () => {
    const cookie = await bobSessionCookie();
    const same = await http.mutate(
      "profile.update",
      { name: "Bob Brown" },
      { headers: { cookie, origin: APP_ORIGIN, "sec-fetch-site": "same-origin" } },
    );
    expect(same.status).toBe(200);
    expect((await http.mutate("profile.update", { name: "Bob Brown" }, { headers: { cookie } })).status).toBe(200);
  });

  it("reads (GET) are not state-changing and are not refused", async () => {
    const response = await http.query("auth.me", {
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(response.status).toBe(200);
  });
});
