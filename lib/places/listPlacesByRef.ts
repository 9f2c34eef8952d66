// The places a view's filters name (by id or code), for the pickers to show by
// name; the pickers load every other place on demand (searchPlaces.ts).
import { sql } from '@/lib/db/sql';
import { isRecordId } from '@/lib/vocabulary';
import type { PlaceRef } from './placeRef';

/** Places whose id or code is among refs, in no particular order; unknown refs are left out. */
export async function listPlacesByRef(refs: (string | undefined)[]): Promise<PlaceRef[]> {
  const given = refs.filter((r): r is string => !!r);
  if (given.length === 0) return [];
  const ids = given.filter(isRecordId).map(Number);
  return sql<PlaceRef[]>`SELECT id, name, code FROM place WHERE id = ANY(${ids}::int[]) OR code = ANY(${given}::text[])`;
}
