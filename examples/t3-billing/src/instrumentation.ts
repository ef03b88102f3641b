/**
 * Nothing to start at boot. The file exists because Turbopack (Next 16.4) looks for
 * `src/instrumentation.ts` up to its root, the repository root here, and would otherwise build the
 * root demo's file into this app. A host outside this repository does not need it.
 */
export async function register(): Promise<void> {}
