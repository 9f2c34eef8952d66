import { RecordEditor } from '@/components/admin/RecordEditor';
import { METRIC_FIELDS } from '@/components/admin/recordFields';
import { requirePageRecord } from '@/lib/auth/pageGuard';
import { getMetricForEdit } from '@/lib/metrics/adminMetrics';
import { mergeRecordAction, retractRecordAction, saveRecordAction } from '../../actions';

export const dynamic = 'force-dynamic';

export default async function MetricPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: metric } = await requirePageRecord('editMetrics', '/admin/metrics', params, getMetricForEdit);
  const initial = { key: metric.key, label: metric.label, unit: metric.unit, kind: metric.kind, hxlTag: metric.hxlTag, description: metric.description ?? '', keywords: metric.keywords.join(', ') };
  return (
    <section>
      <h1>Metric {metric.key}{metric.retiredAt ? ' (retired)' : ''}</h1>
      <RecordEditor recordType="metric" id={metric.id} fields={METRIC_FIELDS} initial={initial} retracted={!!metric.retiredAt} actions={{ save: saveRecordAction, retract: retractRecordAction, merge: mergeRecordAction }} retractVerb="Retire" />
    </section>
  );
}
