import { db } from '@/lib/db/client';

export async function listAdminMetrics() {
  return db.metric.findMany({ orderBy: { label: 'asc' }, select: { id: true, key: true, label: true, unit: true, kind: true, hxlTag: true, retiredAt: true, _count: { select: { figures: true } } } });
}

export async function getMetricForEdit(id: number) {
  return db.metric.findUnique({ where: { id }, select: { id: true, key: true, label: true, unit: true, kind: true, hxlTag: true, description: true, keywords: true, retiredAt: true } });
}
