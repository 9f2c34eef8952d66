import { notFound } from 'next/navigation';
import { RecordEditor } from '@/components/admin/RecordEditor';
import { METRIC_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getMetricForEdit } from '@/lib/metrics/adminMetrics';
import { mergeRecordAction, retractRecordAction, saveRecordAction } from '../../actions';
import { isRecordId } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';

export default async function MetricPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor('editMetrics', `/admin/metrics/${id}`);
  const metric = isRecordId(id) ? await getMetricForEdit(Number(id)) : null;
  if (!metric) notFound();
  const initial = { key: metric.key, label: metric.label, unit: metric.unit, kind: metric.kind, hxlTag: metric.hxlTag, description: metric.description ?? '', keywords: metric.keywords.join(', ') };
  return (
    <section>
      <h1>Metric {metric.key}{metric.retiredAt ? ' (retired)' : ''}</h1>
      <RecordEditor recordType="metric" id={metric.id} fields={METRIC_FIELDS} initial={initial} retracted={!!metric.retiredAt} actions={{ save: saveRecordAction, retract: retractRecordAction, merge: mergeRecordAction }} retractVerb="Retire" />
    </section>
  );
}
