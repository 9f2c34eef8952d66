import { db } from '@/lib/db/client';

export async function listAdminPlaces() {
  return db.place.findMany({
    orderBy: [{ retiredAt: { sort: 'desc', nulls: 'first' } }, { name: 'asc' }],
    select: { id: true, name: true, type: true, code: true, retiredAt: true, parent: { select: { name: true } }, _count: { select: { originOf: true, destinationOf: true } } },
  });
}

export async function getPlaceForEdit(id: number) {
  return db.place.findUnique({ where: { id }, select: { id: true, name: true, type: true, code: true, parentId: true, aliases: true, latitude: true, longitude: true, retiredAt: true, version: true } });
}
