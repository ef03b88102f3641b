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
    const before = await db.auditEvent.count({ where: { type: "auth.sign_in_failed" } });
    const response = await http.mutate(
      "auth.signIn",
      { email: "bob@example.com", password: "wrong-password" },
      { batch: 25, headers: { origin: APP_ORIGIN } },
    );
    expect(response.status).toBe(400);
    expect(await db.auditEvent.count({ where: { type: "auth.sign_in_failed" } })).toBe(before);
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
