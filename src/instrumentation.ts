/**
 * Next calls `register` once per server process. Cleanups run on the Node.js runtime only (Prisma
 * with better-sqlite3 cannot run on the edge); imported lazily so the edge bundle stays clean.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDemoApp }, { scheduleDemoCleanup }] = await Promise.all([
    import("@/server/app"),
    import("@/server/cleanup"),
  ]);
  const app = getDemoApp();
  app.stepUp.scheduleCleanup();
  app.stepUp.webhooks.start();
  scheduleDemoCleanup(app.db);
}
