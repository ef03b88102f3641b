/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A native addon: loaded from node_modules at run time, never bundled.
  serverExternalPackages: ["better-sqlite3"],
  async headers() {
    // The step-up dialog asks for a password: no other site may frame these pages.
    return [{ source: "/:path*", headers: [{ key: "X-Frame-Options", value: "DENY" }] }];
  },
};

export default nextConfig;
