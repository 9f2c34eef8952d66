import { db } from '@/lib/db/client';

export const AUDIT_PAGE_SIZE = 100;

/** Newest first, keyset-paged by id. */
export async function listAuditLog(filter: { entityType?: string; before?: bigint }) {
  const rows = await db.auditLog.findMany({
    where: { ...(filter.entityType ? { entityType: filter.entityType } : {}), ...(filter.before ? { id: { lt: filter.before } } : {}) },
    orderBy: { id: 'desc' },
    take: AUDIT_PAGE_SIZE + 1,
    select: { id: true, entityType: true, entityId: true, action: true, before: true, after: true, reason: true, createdAt: true, user: { select: { name: true, email: true } } },
  });
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return { rows: page, nextBefore: more ? page.at(-1)!.id : null };
}
