// The data version: a counter PostgreSQL bumps in the same transaction as every
// write to a table that public reads show (figure, source, organization, place,
// metric, event; triggers in prisma/migrations/20261126200000_data_version_and_read_indexes).
// Reading it touches one row of one table, never the figure tables.
import { sql } from '@/lib/db/sql';

/** The current data version as a decimal string ("0" before any write). */
export async function getDataVersion(): Promise<string> {
  const [row] = await sql<{ version: string }[]>`SELECT version::text AS version FROM data_version WHERE id = 1`;
  return row?.version ?? '0';
}
