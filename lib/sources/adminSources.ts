import { db } from '@/lib/db/client';

export async function listAdminSources() {
  return db.source.findMany({
    orderBy: [{ retiredAt: { sort: 'desc', nulls: 'first' } }, { id: 'desc' }],
    take: 500,
    select: { id: true, title: true, url: true, publishedAt: true, retiredAt: true, preferred: true, publisher: { select: { name: true } }, _count: { select: { figures: true } } },
  });
}

export async function getSourceForEdit(id: number) {
  return db.source.findUnique({
    where: { id },
    select: { id: true, title: true, url: true, publishedAt: true, accessedAt: true, archiveUrl: true, preferred: true, retiredAt: true, version: true, publisher: { select: { name: true } }, _count: { select: { figures: true } } },
  });
}
