'use server';
import { recordAction } from '@/lib/auth/serverAction';
import { createMetric, retireMetric, updateMetric } from '@/lib/metrics/mutations';
import { metricInputSchema } from '@/lib/metrics/metricInput';

const PATH = '/admin/metrics';

export const saveMetricAction = recordAction('editMetrics', { path: PATH, outcome: 'saved' }, async (actor, form) => {
  const id = form.optionalId();
  const input = form.values(metricInputSchema);
  return id ? updateMetric(actor, id, input) : createMetric(actor, input);
});

export const retireMetricAction = recordAction('editMetrics', { path: PATH, outcome: 'retracted' }, (actor, form) =>
  retireMetric(actor, form.id(), form.text('reason')),
);
