// Trigger-kept tables (figure_headline, figure_headline_history) must hold exactly
// what a rebuild from scratch gives: the rebuild runs in a transaction that is then
// rolled back, so the test goes on with what the triggers wrote.
import { sql } from '@/lib/db/sql';

/** `table` ordered by `order`; `rebuild` refills it from scratch inside the rolled-back transaction. */
export async function expectUnchangedByRebuild(table: string, order: string, rebuild: (tx: typeof sql) => Promise<unknown>) {
  const select = `SELECT * FROM ${table} ORDER BY ${order}`;
  const kept = await sql.unsafe(select);
  await sql
    .begin(async (tx) => {
      await tx.unsafe(`DELETE FROM ${table}`);
      await rebuild(tx as unknown as typeof sql);
      expect(await tx.unsafe(select)).toEqual(kept);
      await tx`SELECT 1/0`; // roll back: the next check must see what the triggers wrote
    })
    .catch((err: Error) => {
      if (!/division by zero/.test(err.message)) throw err;
    });
}
