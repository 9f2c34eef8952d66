import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAuditLog } from '@/lib/audit/listAuditLog';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Audit log — Corridor admin' };

const TYPES = ['figure', 'source', 'place', 'metric', 'event', 'user', 'api_token'];

export default async function AuditPage({ searchParams }: { searchParams: Promise<{ type?: string; before?: string }> }) {
  await requirePageActor('viewAuditLog', '/admin/audit');
  const params = await searchParams;
  const entityType = TYPES.find((t) => t === params.type);
  const before = params.before && /^\d{1,18}$/.test(params.before) ? BigInt(params.before) : undefined;
  const { rows, nextBefore } = await listAuditLog({ entityType, before });
  return (
    <section>
      <h1>Audit log</h1>
      <nav aria-label="Record type" className="filters">
        <a href="/admin/audit" aria-current={!entityType ? 'page' : undefined}>All</a>
        {TYPES.map((t) => <a key={t} href={`/admin/audit?type=${t}`} aria-current={entityType === t ? 'page' : undefined}>{t}</a>)}
      </nav>
      <div className="table-wrap">
      <table>
        <thead><tr><th>When (UTC)</th><th>Who</th><th>Record</th><th>Action</th><th>Reason</th><th>Change</th></tr></thead>
        <tbody>
          {rows.map((r) => (
            <tr key={String(r.id)}>
              <td>{r.createdAt.toISOString().slice(0, 19).replace('T', ' ')}</td>
              <td>{r.user ? r.user.email : 'system'}</td>
              <td>{r.entityType === 'figure' ? <a href={`/admin/figures/${r.entityId}/edit`}>figure {r.entityId}</a> : `${r.entityType} ${r.entityId}`}</td>
              <td>{r.action}</td>
              <td>{r.reason ?? ''}</td>
              <td><details><summary>before / after</summary><pre>{JSON.stringify({ before: r.before, after: r.after }, null, 1)}</pre></details></td>
            </tr>
          ))}
        </tbody>
      </table></div>
      {nextBefore && <p><a href={`/admin/audit?${new URLSearchParams({ ...(entityType ? { type: entityType } : {}), before: String(nextBefore) })}`}>Older entries</a></p>}
    </section>
  );
}
