/** Sent with every response: pages, route handlers and static assets (the CSP is set per page in src/proxy.ts). */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // The step-up dialog must never be framed (clickjacking); CSP frame-ancestors says it to newer browsers.
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native addons stay outside the bundle; Next loads them from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "better-sqlite3"],
  experimental: {
    // Next reads a Server Action's body as a stream and answers 413 past this (default 1 MB); the largest
    // action here (a transfer) is a few hundred bytes, and a route handler reads 64 KiB at most (ADR 029).
    serverActions: { bodySizeLimit: "64kb" },
  },
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // JSON and CSV answers are never documents: no content may load or frame them.
      {
        source: "/api/:path*",
        headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default nextConfig;
