// Checks that the places a request names exist, so a typo gets a 400 that names
// the parameter instead of an empty chart.
import { sql } from '@/lib/db/sql';
import type { FigureFilters } from '@/lib/figures/filters';
import { AppError } from '@/lib/http/AppError';

const PLACE_PARAMS = ['place', 'origin', 'destination'] as const;

export async function assertPlacesExist(filters: FigureFilters): Promise<void> {
  for (const param of PLACE_PARAMS) {
    const ref = filters[param];
    if (!ref) continue;
    const match = /^\d+$/.test(ref) ? sql`id = ${Number(ref)}` : sql`code = ${ref}`;
    const [found] = await sql`SELECT 1 FROM place WHERE ${match}`;
    if (!found) throw new AppError('BAD_REQUEST', `${param}: no place has the id or code "${ref}"`, param);
  }
}
