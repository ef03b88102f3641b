/**
 * Next calls `register` once per server process. Cleanups run on the Node.js runtime only (Prisma
 * with better-sqlite3 cannot run on the edge); imported lazily so the edge bundle stays clean.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ getDemoApp }, { scheduleDemoCleanup }, health] = await Promise.all([
    import("@/server/app"),
    import("@/server/cleanup"),
    import("@/server/http/health-server"),
  ]);
  // Liveness outside Next's pipeline, on its own port, when HEALTH_PORT is set (ADR 027).
  const healthPort = health.healthPortFromEnv();
  if (healthPort !== null) health.startHealthServer(healthPort);
  const app = getDemoApp();
  app.stepUp.scheduleCleanup();
  app.stepUp.webhooks.start();
  scheduleDemoCleanup(app.db);
}
