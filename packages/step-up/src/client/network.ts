/**
 * True when the request never got an answer (offline, DNS, connection refused, CORS): the browser's
 * fetch rejects with a TypeError ("Failed to fetch", "Load failed", "NetworkError when attempting to
 * fetch resource"), which tRPC wraps. Such a failure spent nothing on the server, so what the user
 * typed is kept (tests/e2e/dialog-recovery.test.ts).
 */
export function isNetworkFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const data = (current as { data?: unknown }).data;
    if (current instanceof TypeError && NETWORK_MESSAGE.test(current.message)) return true;
    // TRPCClientError without a server answer carries the fetch error's message and no data.
    if (current instanceof Error && data === undefined && NETWORK_MESSAGE.test(current.message)) {
      const cause = (current as { cause?: unknown }).cause;
      if (cause === undefined || cause instanceof TypeError) return true;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const NETWORK_MESSAGE = /failed to fetch|load failed|networkerror|network request failed|fetch failed/i;
