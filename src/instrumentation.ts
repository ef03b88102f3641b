/**
 * Next calls `register` once per server process. The step-up cleanup runs on the Node.js runtime
 * only (Prisma with better-sqlite3 cannot run on the edge); imported lazily so the edge bundle stays clean.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ db }, { startCleanupSchedule }] = await Promise.all([
    import("@/server/db"),
    import("@/step-up/server/cleanup"),
  ]);
  startCleanupSchedule(db);
}
