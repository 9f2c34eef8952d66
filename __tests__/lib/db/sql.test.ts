// The postgres.js pool's session settings (lib/db/sql.ts).
import { sql } from '@/lib/db/sql';

afterAll(async () => {
  await sql.end();
});

describe('the postgres.js pool', () => {
  it('plans every run of a statement for its parameters, never a generic plan', async () => {
    // Six runs of one named statement: PostgreSQL may switch to a generic plan from the sixth.
    for (let i = 0; i < 6; i++) await sql`SELECT ${i}::int AS n`;
    const [row] = await sql<{ mode: string }[]>`SELECT current_setting('plan_cache_mode') AS mode`;
    expect(row.mode).toBe('force_custom_plan');
  });
});
