/**
 * A tiny tRPC-over-HTTP client for the attack catalog: raw requests, a cookie jar, superjson, and its own
 * loopback source address per client, so per-address sign-in limits never couple one test to another.
 * The server runs as if behind one trusted proxy; each client also plays that proxy (see raw()).
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import superjson from "superjson";
import type { StepUpPayload } from "@step-up/next/client";

export const PORT = Number(process.env.SECURITY_PORT ?? 3300);
export const ORIGIN = `http://localhost:${PORT}`;
/**
 * The servers requests are sent to, in turn: one by default; the multi-instance suite
 * (playwright.instances.config.ts) lists several, all serving the one public ORIGIN, as servers behind a
 * load balancer with no sticky sessions would.
 */
const SERVER_PORTS = (process.env.INSTANCE_PORTS ?? String(PORT)).split(",").map(Number);
export const CHROME_UA =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
export const FIREFOX_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0";

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface TrpcErrorShape {
  message: string;
  code: number;
  data: {
    code: string;
    httpStatus: number;
    path?: string;
    stepUp?: StepUpPayload | null;
    zodError?: unknown;
  };
}

export type TrpcResult<T = unknown> =
  | { ok: true; status: number; headers: IncomingHttpHeaders; data: T }
  | { ok: false; status: number; headers: IncomingHttpHeaders; error: TrpcErrorShape };

export interface RequestOptions {
  headers?: Record<string, string>;
  /** Replace the client's own Origin / Sec-Fetch-Site headers (cross-site attacks). */
  origin?: string | null;
  secFetchSite?: string | null;
  contentType?: string;
  /** Which of the servers (SERVER_PORTS) takes this request; by default the next one in turn. */
  instance?: number;
}

let nextAddress = 0;
/** 127.<worker>.x.y: every client gets its own source address on the loopback network. */
export function freshLoopbackAddress(): string {
  const worker = Number(process.env.TEST_WORKER_INDEX ?? 0) % 200;
  const n = nextAddress++;
  return `127.${20 + worker}.${Math.floor(n / 250) % 250}.${(n % 250) + 2}`;
}

export class Client {
  readonly cookies = new Map<string, string>();
  readonly userAgent: string;
  readonly localAddress: string;
  private requests = 0;

  constructor(options: { userAgent?: string; localAddress?: string } = {}) {
    this.userAgent = options.userAgent ?? CHROME_UA;
    this.localAddress = options.localAddress ?? freshLoopbackAddress();
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  /** One HTTP request from this client's address, with its cookies; Set-Cookie updates the jar. */
  raw(method: string, path: string, options: RequestOptions & { body?: string } = {}): Promise<RawResponse> {
    const headers: Record<string, string> = { host: `localhost:${PORT}`, "user-agent": this.userAgent };
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    // What a browser sends for the app's own fetches: the catalog's "legitimate" calls look like them.
    const secFetchSite = options.secFetchSite === undefined ? "same-origin" : options.secFetchSite;
    if (secFetchSite) headers["sec-fetch-site"] = secFetchSite;
    const origin = options.origin === undefined ? (method === "GET" ? null : ORIGIN) : options.origin;
    if (origin) headers.origin = origin;
    if (options.body !== undefined) {
      headers["content-type"] = options.contentType ?? "application/json";
      headers["content-length"] = String(Buffer.byteLength(options.body));
    }
    Object.assign(headers, options.headers);
    // The catalog's server trusts one proxy hop (STEP_UP_TRUST_PROXY=1) and this client plays that
    // proxy: it appends the address the connection really comes from, after whatever the caller forged.
    const forged = options.headers?.["x-forwarded-for"];
    headers["x-forwarded-for"] = forged ? `${forged}, ${this.localAddress}` : this.localAddress;
    const port = SERVER_PORTS[(options.instance ?? this.requests++) % SERVER_PORTS.length];
    return new Promise((resolve, reject) => {
      const req = httpRequest(
        { host: "127.0.0.1", port, method, path, headers, localAddress: this.localAddress },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => {
            this.storeCookies(res.headers["set-cookie"]);
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString("utf8"),
            });
          });
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(options.body);
    });
  }

  private storeCookies(setCookies: string[] | undefined): void {
    for (const line of setCookies ?? []) {
      const [pair = "", ...attributes] = line.split(";");
      const eq = pair.indexOf("=");
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  mutation<T = unknown>(path: string, input?: unknown, options: RequestOptions = {}): Promise<TrpcResult<T>> {
    const body = JSON.stringify(input === undefined ? {} : superjson.serialize(input));
    return this.raw("POST", `/api/trpc/${path}`, { ...options, body }).then((r) => parseSingle<T>(r));
  }

  query<T = unknown>(path: string, input?: unknown, options: RequestOptions = {}): Promise<TrpcResult<T>> {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    return this.raw("GET", `/api/trpc/${path}${query}`, options).then((r) => parseSingle<T>(r));
  }

  /** A batched mutation: `POST /api/trpc/a,b,c?batch=1` with `{"0": {json}, "1": ...}`. */
  batchMutation(paths: string[], inputs: unknown[], options: RequestOptions = {}): Promise<RawResponse> {
    const body = JSON.stringify(Object.fromEntries(inputs.map((input, i) => [String(i), superjson.serialize(input)])));
    return this.raw("POST", `/api/trpc/${paths.join(",")}?batch=1`, { ...options, body });
  }

  async signIn(email: string, password: string, options: RequestOptions = {}): Promise<TrpcResult<{ userId: string }>> {
    return this.mutation<{ userId: string }>("auth.signIn", { email, password }, options);
  }
}

export function parseSingle<T>(response: RawResponse): TrpcResult<T> {
  let body: unknown;
  try {
    body = JSON.parse(response.text);
  } catch {
    const error = {
      message: response.text.slice(0, 200),
      code: -1,
      data: { code: "NOT_JSON", httpStatus: response.status },
    };
    return { ok: false, status: response.status, headers: response.headers, error };
  }
  const envelope = body as { result?: { data: Parameters<typeof superjson.deserialize>[0] }; error?: unknown };
  if (envelope.result) {
    return {
      ok: true,
      status: response.status,
      headers: response.headers,
      data: superjson.deserialize<T>(envelope.result.data),
    };
  }
  const error = superjson.deserialize<TrpcErrorShape>(envelope.error as Parameters<typeof superjson.deserialize>[0]);
  return { ok: false, status: response.status, headers: response.headers, error };
}

/** The data of a successful call, or a readable failure naming the tRPC error. */
export function dataOf<T>(result: TrpcResult<T>, what = "call"): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.status} ${result.error.data.code} ${result.error.message}`);
  return result.data;
}
