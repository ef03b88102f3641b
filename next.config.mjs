/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native addons stay outside the bundle; Next loads them from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3"],
};

export default nextConfig;
