/**
 * `npm run cleanup`: purges expired step-up requirements, grants, remembered devices and enrollment
 * challenges once (the server also does it every 10 minutes). Audit rows are kept.
 */
import { createDatabase } from "@/server/db";
import { createDemoApp } from "@/server/app";
import { purgeDemoExpired } from "@/server/cleanup";

async function main(): Promise<void> {
  const db = createDatabase();
  try {
    const result = { ...(await createDemoApp({ db }).stepUp.cleanup()), ...(await purgeDemoExpired(db, new Date())) };
    const parts = Object.entries(result).map(([what, count]) => `${count} ${what}`);
    process.stdout.write(`Purged ${parts.join(", ")}.\n`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Cleanup failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
