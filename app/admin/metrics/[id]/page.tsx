import { notFound } from 'next/navigation';
import { RecordForm } from '@/components/admin/RecordForm';
import { METRIC_FIELDS, RETRACT_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getMetricForEdit } from '@/lib/metrics/adminMetrics';
import { retireMetricAction, saveMetricAction } from '../actions';

export const dynamic = 'force-dynamic';

export default async function MetricPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor('editMetrics', `/admin/metrics/${id}`);
  const metric = /^\d{1,9}$/.test(id) ? await getMetricForEdit(Number(id)) : null;
  if (!metric) notFound();
  const initial = { key: metric.key, label: metric.label, unit: metric.unit, kind: metric.kind, hxlTag: metric.hxlTag, description: metric.description ?? '', keywords: metric.keywords.join(', ') };
  return (
    <section>
      <h1>Metric {metric.key}{metric.retiredAt ? ' (retired)' : ''}</h1>
      <RecordForm action={saveMetricAction} fields={METRIC_FIELDS} initial={initial} hidden={{ id: String(metric.id) }} submitLabel="Save metric" />
      {!metric.retiredAt && (
        <>
          <h2>Retire</h2>
          <RecordForm action={retireMetricAction} fields={RETRACT_FIELDS} initial={{}} hidden={{ id: String(metric.id) }} submitLabel="Retire metric" />
        </>
      )}
    </section>
  );
}
