// Turns a postgres.js condition fragment into plain SQL text, for statements
// that cannot take bind parameters (COPY). postgres.js builds the text and the
// parameter list while describing the query; the values are then inlined.
import type { Sql } from '@/lib/db/sql';
import { inlineParams, type SqlValue } from './inlineParams';

type Fragment = ReturnType<Sql>;

const PREFIX = 'SELECT 1 FROM figure f WHERE ';

/** The condition over `figure f` as SQL text with its values inlined. Describing also validates it. */
export async function renderFigureCondition(sql: Sql, condition: Fragment): Promise<string> {
  const query = sql`SELECT 1 FROM figure f WHERE ${condition}`;
  const described = await query.describe();
  const parameters = (query as unknown as { parameters: SqlValue[] }).parameters;
  if (!described.string.startsWith(PREFIX) || !Array.isArray(parameters)) {
    throw new Error('postgres.js did not expose the described query; check its version');
  }
  return inlineParams(described.string.slice(PREFIX.length), parameters);
}
