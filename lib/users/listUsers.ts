import { db } from '@/lib/db/client';

export async function listUsers() {
  return db.user.findMany({
    orderBy: [{ deactivatedAt: { sort: 'asc', nulls: 'first' } }, { email: 'asc' }],
    select: { id: true, email: true, name: true, role: true, deactivatedAt: true, createdAt: true, _count: { select: { sessions: true } } },
  });
}
