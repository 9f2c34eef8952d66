import { RecordForm } from '@/components/admin/RecordForm';
import { METRIC_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { canEditMetrics } from '@/lib/auth/permissions';
import { listAdminMetrics } from '@/lib/metrics/adminMetrics';
import { saveRecordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Metrics — Corridor admin' };

export default async function MetricsPage() {
  const actor = await requirePageActor('viewAdmin', '/admin/metrics');
  const metrics = await listAdminMetrics();
  const editable = canEditMetrics(actor);
  return (
    <section>
      <h1>Metrics</h1>
      <div className="table-wrap">
      <table>
        <thead><tr><th>Key</th><th>Label</th><th>Unit</th><th>Kind</th><th>HXL</th><th>Figures</th><th>Status</th></tr></thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m.id}>
              <td>{editable ? <a href={`/admin/metrics/${m.id}`}>{m.key}</a> : m.key}</td>
              <td>{m.label}</td>
              <td>{m.unit}</td>
              <td>{m.kind.toLowerCase()}</td>
              <td><code>{m.hxlTag}</code></td>
              <td>{m._count.figures}</td>
              <td>{m.retiredAt ? 'retired' : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </table></div>
      {editable ? (
        <>
          <h2>New metric</h2>
          <RecordForm action={saveRecordAction} fields={METRIC_FIELDS} initial={{ kind: 'STOCK' }} hidden={{ recordType: 'metric' }} submitLabel="Create metric" />
        </>
      ) : (
        <p className="muted">Only admins define metrics.</p>
      )}
    </section>
  );
}
