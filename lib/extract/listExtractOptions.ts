// What the extract page's pickers offer: metrics and places in use, by name.
import { db } from '@/lib/db/client';

export interface ExtractOptions {
  metrics: Array<{ id: number; key: string; label: string }>;
  places: Array<{ id: number; name: string; code: string | null }>;
}

export async function listExtractOptions(): Promise<ExtractOptions> {
  const [metrics, places] = await Promise.all([
    db.metric.findMany({ where: { retiredAt: null }, select: { id: true, key: true, label: true }, orderBy: { label: 'asc' } }),
    db.place.findMany({ where: { retiredAt: null }, select: { id: true, name: true, code: true }, orderBy: { name: 'asc' } }),
  ]);
  return { metrics, places };
}
