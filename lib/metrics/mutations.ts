// Writes to metrics (admins only): they define what the charts count.
import { db } from '@/lib/db/client';
import { AppError } from '@/lib/http/AppError';
import { assertPermission } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit/writeAudit';
import { parseOrThrow } from '@/lib/validation/parseOrThrow';
import { createRecord, notFound, retractRecord } from '@/lib/records/writeRecord';
import { metricInputSchema, type MetricInput } from './metricInput';

export async function createMetric(actor: Actor, input: MetricInput): Promise<{ id: number }> {
  assertPermission(actor, 'editMetrics');
  const data = parseOrThrow(metricInputSchema, input);
  return createRecord(actor, 'metric', {
    check: async (tx) => {
      if (await tx.metric.findUnique({ where: { key: data.key }, select: { id: true } })) throw new AppError('CONFLICT', `A metric with key "${data.key}" exists.`, 'key');
    },
    create: (tx) => tx.metric.create({ data, select: { id: true } }),
    after: data,
  });
}

/** The kind cannot change once figures use or have used the metric: their dates would change meaning, now or at a vintage. */
export async function updateMetric(actor: Actor, id: number, input: MetricInput): Promise<void> {
  assertPermission(actor, 'editMetrics');
  const data = parseOrThrow(metricInputSchema, input);
  await db.$transaction(async (tx) => {
    const before = await tx.metric.findUnique({ where: { id }, select: { key: true, label: true, unit: true, kind: true, hxlTag: true, description: true, keywords: true, _count: { select: { figures: true } } } });
    if (!before) throw notFound('metric', id);
    if (before.kind !== data.kind) {
      // Past states count too: a vintage (and the headline history) ranks them under the metric's kind.
      const used = before._count.figures > 0 || (await tx.figureVersion.count({ where: { metricId: id }, take: 1 })) > 0;
      if (used) throw new AppError('BAD_REQUEST', 'Figures use or have used this metric, so its kind cannot change; create a new metric instead.', 'kind');
    }
    if (before.key !== data.key && (await tx.metric.findUnique({ where: { key: data.key }, select: { id: true } }))) throw new AppError('CONFLICT', `A metric with key "${data.key}" exists.`, 'key');
    await tx.metric.update({ where: { id }, data });
    const { _count, ...snapshot } = before;
    await writeAudit(tx, actor, { entityType: 'metric', entityId: String(id), action: 'UPDATE', before: snapshot, after: data });
  });
}

export async function retireMetric(actor: Actor, id: number, reason: string): Promise<void> {
  assertPermission(actor, 'editMetrics');
  await retractRecord(actor, 'metric', id, reason);
}
