// `npm run db:migrate`: applies pending migrations to DATABASE_URL.
import { migrate } from '../lib/db/migrate';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('[migrate] error: set DATABASE_URL to the database to migrate, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/corridor npm run db:migrate');
  process.exit(1);
}
migrate(url, { log: (l) => console.log(`[migrate] ${l}`) }).then(
  (r) => console.log(`[migrate] ${r.applied.length} applied, ${r.alreadyApplied.length} already applied`),
  (err) => {
    console.error(`[migrate] error: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
