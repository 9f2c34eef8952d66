// The duplicate guard: an existing, unretracted figure with the same metric,
// places, date, value and source as the one being saved.
import { db } from '@/lib/db/client';
import type { FigureData } from './figureInput';

export async function findDuplicateFigure(data: Pick<FigureData, 'metricId' | 'originId' | 'destinationId' | 'asOf' | 'low' | 'high' | 'qualifier' | 'sourceId'>, exceptId?: number): Promise<{ id: number } | null> {
  return db.figure.findFirst({
    where: {
      metricId: data.metricId,
      originId: data.originId ?? null,
      destinationId: data.destinationId ?? null,
      asOf: data.asOf,
      low: data.low,
      high: data.high,
      qualifier: data.qualifier,
      sourceId: data.sourceId,
      status: { not: 'RETRACTED' },
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
}
