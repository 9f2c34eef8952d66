// Runs in every Jest worker before its tests: points DATABASE_URL at this
// worker's own database, so test files in parallel workers never share rows.
// Without `npm test` (plain `npx jest` on pure-logic tests) nothing is set and
// any test that needs the database fails with "DATABASE_URL is not set".
import { withDatabase } from '@/lib/db/admin';

const server = process.env.CORRIDOR_TEST_SERVER_URL;
const base = process.env.CORRIDOR_TEST_DB_BASE;
if (server && base) {
  process.env.DATABASE_URL = withDatabase(server, `${base}_w${process.env.JEST_WORKER_ID ?? '1'}`);
}
process.env.LOG_LEVEL ??= 'silent';
