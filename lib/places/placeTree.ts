// The place hierarchy must stay a tree: a place may not come to lie within itself.
import type { Tx } from '@/lib/db/transaction';

/** Whether `placeId` is `ancestorId` or lies anywhere below it. */
export async function liesWithin(tx: Tx, placeId: number, ancestorId: number): Promise<boolean> {
  const [row] = await tx.$queryRaw<{ within: boolean }[]>`
    WITH RECURSIVE below AS (
      SELECT ${ancestorId}::int AS id
      UNION
      SELECT p.id FROM place p JOIN below b ON p."parentId" = b.id
    )
    SELECT EXISTS (SELECT 1 FROM below WHERE id = ${placeId}::int) AS within`;
  return row.within;
}
