// Prisma CLI configuration. The app itself never runs the CLI at start:
// migrations are applied by lib/db/migrate.ts (see README "Migrations").
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/corridor' },
});
