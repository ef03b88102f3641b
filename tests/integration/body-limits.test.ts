import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTrpcHandler, TRPC_MAX_BODY_BYTES } from "@/server/http/trpc-handler";
import { SESSION_COOKIE } from "@/server/auth/session";
import { DEFAULT_ROUTE_BODY_BYTES } from "@step-up/next/server";
import { createClient, createClock, createTestApp, createTestDatabase, signIn, type Client } from "./harness";
import { APP_ORIGIN } from "./http-support";

/**
 * Bounded input (ADR 029): an oversize body is refused with a typed 413 before anything parses, hashes or
 * counts, whether its Content-Length is honest, absent or a lie; the largest legitimate payload still fits.
 * And a guarded route checks same site → signed in → input, in that order (README, route handlers).
 */
const db = createTestDatabase();
afterAll(() => db.$disconnect());
const clock = createClock();
const app = createTestApp(db, clock);
const trpc = createTrpcHandler(app, { allowedOrigins: [APP_ORIGIN] });

const MB = 1024 * 1024;

/** `{"json":{"email":…,"password":…,"k0":"xxx…",…}}` of about `bytes` bytes: unknown keys zod would strip. */
function signInBody(bytes: number): string {
  const filler = "x".repeat(1000);
  const keys = Object.fromEntries(Array.from({ length: Math.ceil(bytes / 1010) }, (_, i) => [`k${i}`, filler]));
  return JSON.stringify({ json: { email: "bob@example.com", password: "wrong-password", ...keys } });
}

/** A body delivered chunk by chunk, counting how much the server pulled (the stream queues one chunk ahead). */
function countedStream(text: string, chunkBytes = 16 * 1024) {
  const bytes = new TextEncoder().encode(text);
  const pulled = { bytes: 0 };
  let offset = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (offset >= bytes.byteLength) return controller.close();
      const chunk = bytes.slice(offset, offset + chunkBytes);
      offset += chunk.byteLength;
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

function post(path: string, body: BodyInit, headers: Record<string, string> = {}) {
  return new Request(new URL(path, APP_ORIGIN), {
    method: "POST",
    headers: { "content-type": "application/json", origin: APP_ORIGIN, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function signInCounters() {
  const throttle = await db.signInThrottle.findMany({ orderBy: { key: "asc" } });
  const failures = await db.stepUpAuditEvent.count({ where: { type: "auth.sign_in_failed" } });
  return { throttle: throttle.map((row) => `${row.key}=${row.points}`), failures };
}

describe("tRPC: oversize bodies are refused before any work", () => {
  it("a 5 MB sign-in body of unknown keys is a typed 413; no password is checked and no failure counted", async () => {
    const before = await signInCounters();
    const response = await trpc(post("/api/trpc/auth.signIn", signInBody(5 * MB)));
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      error: expect.objectContaining({ code: "PAYLOAD_TOO_LARGE", data: { httpStatus: 413, stepUp: null } }),
    });
    expect(await signInCounters()).toEqual(before);
  });

  it("without a Content-Length, or with one that lies, the bytes are counted and the read stops at the limit", async () => {
    const before = await signInCounters();
    for (const headers of [{}, { "content-length": "120" }] as Record<string, string>[]) {
      const { stream, pulled } = countedStream(signInBody(5 * MB));
      const response = await trpc(post("/api/trpc/auth.signIn", stream, headers));
      expect(response.status).toBe(413);
      expect(pulled.bytes).toBeLessThanOrEqual(TRPC_MAX_BODY_BYTES + 2 * 16 * 1024);
    }
    expect(await signInCounters()).toEqual(before);
  });

  it("a cross-site POST is refused 403 per call without its body being read, whatever its size", async () => {
    const { stream, pulled } = countedStream(signInBody(5 * MB));
    const response = await trpc(post("/api/trpc/auth.signIn", stream, { origin: "https://evil.example" }));
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("CROSS_SITE");
    expect(pulled.bytes).toBeLessThanOrEqual(2 * 16 * 1024);
  });

  it("the largest legitimate payload fits: a batch of 10 passkey registrations at their schema's maximum", async () => {
    // finishRegistration's response is a string of at most 16,384 characters: JSON of the WebAuthn response.
    const response = JSON.stringify({ id: "a", rawId: "a", response: { attestationObject: "A".repeat(16_300) } });
    expect(response.length).toBeLessThanOrEqual(16_384);
    const input = { json: { name: "Security key", response } };
    const batch = JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [String(i), input])));
    const path = Array.from({ length: 10 }, () => "stepUp.security.passkeys.finishRegistration").join(",");
    const answer = await trpc(post(`/api/trpc/${path}?batch=1`, batch));
    // Signed out: every call is refused by the sign-in check, which means the body was read and parsed.
    expect(answer.status).toBe(401);
    expect(new TextEncoder().encode(batch).byteLength).toBeLessThan(TRPC_MAX_BODY_BYTES * 0.75);
  });

  it("a sign-in within the limit still works", async () => {
    const response = await trpc(
      post(
        "/api/trpc/auth.signIn",
        JSON.stringify({ json: { email: "bob@example.com", password: "demo-password-1" } }),
      ),
    );
    expect(response.status).toBe(200);
  });
});

describe("route handler: same site → signed in → input, and a bounded body", () => {
  let alice: Client;
  const route = (request: Request) => app.http.createTransfer(request);
  const cookie = () => `${SESSION_COOKIE}=${encodeURIComponent(alice.cookies.get(SESSION_COOKIE)!)}`;
  const transfers = () => db.transfer.count();

  beforeAll(async () => {
    alice = createClient(db, clock);
    await signIn(alice, "alice@example.com");
  });

  it.each([
    ["text/plain", "amount=5000"],
    ["application/json", "{not json"],
  ])("cross-site %s with a bad body is 403, not 415 or 400", async (type, body) => {
    const response = await route(
      post("/api/v1/transfers", body, { "content-type": type, origin: "https://evil.example", cookie: cookie() }),
    );
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("CROSS_SITE");
  });

  it("signed out with malformed JSON is 401 with WWW-Authenticate, not 400", async () => {
    const response = await route(post("/api/v1/transfers", "{not json"));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });

  it("signed in, malformed JSON is 400 and text/plain 415: input is checked last", async () => {
    expect((await route(post("/api/v1/transfers", "{not json", { cookie: cookie() }))).status).toBe(400);
    const plain = await route(
      post("/api/v1/transfers", "amount=1", { cookie: cookie(), "content-type": "text/plain" }),
    );
    expect(plain.status).toBe(415);
  });

  it("a 5 MB body without a Content-Length is a typed 413, read no further than the limit; nothing moves", async () => {
    const before = await transfers();
    const { stream, pulled } = countedStream(JSON.stringify({ amount: 5, currency: "USD", to: "x".repeat(5 * MB) }));
    const response = await route(post("/api/v1/transfers", stream, { cookie: cookie() }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled.bytes).toBeLessThanOrEqual(DEFAULT_ROUTE_BODY_BYTES + 2 * 16 * 1024);
    expect(await transfers()).toBe(before);
  });

  it("a declared Content-Length over the limit is 413 before the session is looked up", async () => {
    const response = await route(
      post("/api/v1/transfers", "{}", { "content-length": String(5 * MB), cookie: "session=unknown" }),
    );
    expect(response.status).toBe(413);
  });
});
