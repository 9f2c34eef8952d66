// Publishers that back at least one source, for the publisher filter.
import { sql } from '@/lib/db/sql';

export interface PublisherOption { id: number; name: string }

export async function listPublishers(): Promise<PublisherOption[]> {
  return sql<PublisherOption[]>`
    SELECT o.id, o.name FROM organization o
    WHERE o."retiredAt" IS NULL AND EXISTS (SELECT 1 FROM source s WHERE s."publisherId" = o.id)
    ORDER BY o.name`;
}
