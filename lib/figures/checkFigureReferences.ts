// Checks what zod cannot: the metric, places and source exist and are in use,
// and the dates fit the metric's kind. Returns the data with dates normalised:
// a flow's as-of day is the last day of its period.
import type { Prisma } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { dayProblem, toDay } from '@/lib/vocabulary';
import type { FigureData } from './figureInput';

export async function checkFigureReferences(tx: Prisma.TransactionClient, data: FigureData): Promise<FigureData> {
  const metric = await tx.metric.findUnique({ where: { id: data.metricId }, select: { kind: true, retiredAt: true, label: true } });
  if (!metric) throw new AppError('BAD_REQUEST', `Metric ${data.metricId} does not exist; choose one from the list.`, 'metricId');
  if (metric.retiredAt) throw new AppError('BAD_REQUEST', `The metric "${metric.label}" is retired; choose another.`, 'metricId');

  for (const param of ['originId', 'destinationId'] as const) {
    const id = data[param];
    if (id == null) continue;
    const place = await tx.place.findUnique({ where: { id }, select: { retiredAt: true, name: true } });
    if (!place) throw new AppError('BAD_REQUEST', `Place ${id} does not exist; choose one from the list.`, param);
    if (place.retiredAt) throw new AppError('BAD_REQUEST', `The place "${place.name}" is retired; choose another.`, param);
  }
  const source = await tx.source.findUnique({ where: { id: data.sourceId }, select: { retiredAt: true, title: true } });
  if (!source) throw new AppError('BAD_REQUEST', `Source ${data.sourceId} does not exist; choose one or create it.`, 'sourceId');
  if (source.retiredAt) throw new AppError('BAD_REQUEST', `The source "${source.title}" is retracted; choose another.`, 'sourceId');

  let { asOf, periodStart = null, periodEnd = null } = data;
  if (metric.kind === 'STOCK') {
    if (periodStart || periodEnd) throw new AppError('BAD_REQUEST', `${metric.label} is a running total: give the as-of date, not a period.`, 'periodStart');
  } else {
    // A flow counts what happened over a period; one day is a period of one day.
    if (periodEnd) asOf = periodEnd;
    periodEnd ??= asOf;
    periodStart ??= periodEnd;
    if (periodStart > periodEnd) throw new AppError('BAD_REQUEST', 'The period starts after it ends; swap the dates.', 'periodStart');
  }
  for (const [param, date] of [['asOf', asOf], ['periodStart', periodStart], ['periodEnd', periodEnd]] as const) {
    const problem = date ? (Number.isNaN(date.getTime()) ? 'not a calendar date' : dayProblem(toDay(date))) : null;
    if (problem) throw new AppError('BAD_REQUEST', `The date is ${problem}; check it.`, param);
  }
  return { ...data, asOf, periodStart, periodEnd };
}
