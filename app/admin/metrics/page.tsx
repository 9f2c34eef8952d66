import { AdminList } from '@/components/admin/AdminList';
import { NewRecordForm, recordOutcome, type RecordOutcomeFlags } from '@/components/admin/NewRecordForm';
import { METRIC_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { canEditMetrics } from '@/lib/auth/permissions';
import { listAdminMetrics } from '@/lib/metrics/adminMetrics';
import { saveRecordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Metrics — Corridor admin' };

export default async function MetricsPage({ searchParams }: { searchParams: Promise<RecordOutcomeFlags> }) {
  const actor = await requirePageActor('viewAdmin', '/admin/metrics');
  const editable = canEditMetrics(actor);
  const [metrics, flags] = await Promise.all([listAdminMetrics(), searchParams]);
  return (
    <AdminList
      title="Metrics" status={recordOutcome(flags, 'metric')} rows={metrics}
      headers={['Key', 'Label', 'Unit', 'Kind', 'HXL', 'Figures', 'Status']}
      cells={(m) => (
        <>
          <td>{editable ? <a href={`/admin/metrics/${m.id}`}>{m.key}</a> : m.key}</td>
          <td>{m.label}</td>
          <td>{m.unit}</td>
          <td>{m.kind.toLowerCase()}</td>
          <td><code>{m.hxlTag}</code></td>
          <td>{m._count.figures}</td>
          <td>{m.retiredAt ? 'retired' : 'active'}</td>
        </>
      )}
    >
      {editable ? <NewRecordForm recordType="metric" fields={METRIC_FIELDS} initial={{ kind: 'STOCK' }} save={saveRecordAction} /> : <p className="muted">Only admins define metrics.</p>}
    </AdminList>
  );
}
