import { db } from '@/lib/db/client';

export async function listAdminEvents() {
  return db.event.findMany({ orderBy: { date: 'desc' }, take: 500, select: { id: true, date: true, endDate: true, title: true, status: true, place: { select: { name: true } } } });
}

export async function getEventForEdit(id: number) {
  return db.event.findUnique({ where: { id }, select: { id: true, date: true, endDate: true, title: true, description: true, placeId: true, sourceId: true, status: true, version: true } });
}
