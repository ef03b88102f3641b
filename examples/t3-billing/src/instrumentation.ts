/**
 * Next calls `register` once per server process: here it starts step-up's purge of expired state.
 * (Turbopack would otherwise also pick up the root demo's src/instrumentation.ts: it looks up to the
 * repository root.)
 */
export async function register(): Promise<void> {
  // Node.js only: Prisma with better-sqlite3 does not run on the edge.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The app router first: it and step-up.ts import each other, and the routers use the instance.
  await import("./server/api/root");
  const { stepUp } = await import("./server/step-up");
  stepUp.scheduleCleanup();
}
