/**
 * Run `build` or `dev` with `SKIP_ENV_VALIDATION` to skip env validation. This is especially useful
 * for Docker builds.
 */
import "./src/env.js";

/** @type {import("next").NextConfig} */
const config = {
  // This app has its own lockfile inside the repository: trace files from here, not the repository root.
  outputFileTracingRoot: import.meta.dirname,
  // A native addon: loaded from node_modules at run time, never bundled.
  serverExternalPackages: ["better-sqlite3"],
  // The repository's root `npm run lint` lints this app (its ESLint is not installed here).
  eslint: { ignoreDuringBuilds: true },
};

export default config;
