import "server-only";
import type { StepUpErrorBody } from "../../shared/action-result";

/** The most bytes of body a guarded route handler reads unless its declaration says otherwise (ADR 029). */
export const DEFAULT_ROUTE_BODY_BYTES = 64 * 1024;

/**
 * The most bytes of body a tRPC request may carry by default: a batch of 10 passkey registrations at their
 * schema's largest (16 KiB each, about 165 KB on the wire) fits with room to spare; a 5 MB body does not (ADR 029).
 */
export const DEFAULT_TRPC_BODY_BYTES = 256 * 1024;

export type BodyRead = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; reason: "too_large" };

/** Whether the declared `Content-Length` is already over the limit: refused before a byte is read. */
export function declaresTooLarge(headers: Headers, maxBytes: number): boolean {
  const declared = headers.get("content-length");
  return declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes;
}

/**
 * Reads a request body as a stream and stops at the first chunk past `maxBytes`, cancelling the rest:
 * `Content-Length` may be absent (chunked) or lie, so the bytes themselves are counted.
 */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<BodyRead> {
  if (declaresTooLarge(request.headers, maxBytes)) return { ok: false, reason: "too_large" };
  if (!request.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { ok: false, reason: "too_large" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** The typed 413 answer: the same error body as every refusal outside tRPC (`StepUpErrorBody`). */
export function payloadTooLargeBody(maxBytes: number): StepUpErrorBody {
  return {
    error: {
      code: "PAYLOAD_TOO_LARGE",
      message: `The request body is larger than ${maxBytes} bytes`,
      data: { httpStatus: 413, stepUp: null },
    },
  };
}

export function payloadTooLargeResponse(maxBytes: number): Response {
  return Response.json(payloadTooLargeBody(maxBytes), { status: 413, headers: { "Cache-Control": "no-store" } });
}

/**
 * For a host's tRPC route (or any fetch handler): the request with its body read under `maxBytes` and
 * buffered, ready to hand to `fetchRequestHandler`, or the 413 to answer instead. Run it before anything
 * parses, hashes or counts; GET and HEAD pass through untouched.
 *
 * @example
 * const limited = await limitRequestBody(req);
 * if (!limited.ok) return limited.response;
 * return fetchRequestHandler({ endpoint: "/api/trpc", req: limited.request, router, createContext });
 */
export async function limitRequestBody(
  request: Request,
  maxBytes: number = DEFAULT_TRPC_BODY_BYTES,
): Promise<{ ok: true; request: Request } | { ok: false; response: Response }> {
  if (request.method === "GET" || request.method === "HEAD") return { ok: true, request };
  const read = await readBodyWithLimit(request, maxBytes);
  if (!read.ok) return { ok: false, response: payloadTooLargeResponse(maxBytes) };
  const headers = new Headers(request.headers);
  headers.set("content-length", String(read.bytes.byteLength));
  return {
    ok: true,
    request: new Request(request.url, { method: request.method, headers, body: read.bytes, signal: request.signal }),
  };
}
