import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAdminFigures } from '@/lib/figures/adminFigures';
import { formatStatedValue } from '@/lib/figures/formatValue';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Figures — Corridor admin' };

const STATUSES = ['DRAFT', 'PUBLISHED', 'RETRACTED'] as const;

export default async function AdminFiguresPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  await requirePageActor('viewDrafts', '/admin/figures');
  const params = await searchParams;
  const status = STATUSES.find((s) => s === params.status);
  const { rows, total, page, counts } = await listAdminFigures({ status, page: Number(params.page) || 1 });
  return (
    <section>
      <h1>Figures</h1>
      <nav aria-label="Status filter" className="filters">
        <a href="/admin/figures" aria-current={!status ? 'page' : undefined}>All</a>
        {STATUSES.map((s) => (
          <a key={s} href={`/admin/figures?status=${s}`} aria-current={status === s ? 'page' : undefined}>
            {s.charAt(0) + s.slice(1).toLowerCase()} ({counts[s] ?? 0})
          </a>
        ))}
      </nav>
      <p><a href="/admin/figures/new">New figure</a></p>
      {rows.length === 0 ? (
        <p className="muted">No figures{status ? ` with status ${status.toLowerCase()}` : ''}.</p>
      ) : (
        <div className="table-wrap">
        <table className="admin-figures">
          <thead>
            <tr><th>ID</th><th>Status</th><th>Metric</th><th>Value</th><th>As of</th><th>Places</th><th>Source</th><th>Quote</th><th>Last change</th></tr>
          </thead>
          <tbody>
            {rows.map((f) => (
              <tr key={f.id} data-figure-id={f.id}>
                <td><a href={`/admin/figures/${f.id}/edit`}>{f.id}</a></td>
                <td>{f.status.toLowerCase()}</td>
                <td>{f.metric.label}</td>
                <td>{formatStatedValue({ qualifier: f.qualifier, low: f.low, high: f.high }, f.metric.unit)}{f.valueAsStated ? <span className="muted"> (“{f.valueAsStated}”)</span> : null}</td>
                <td>{toDay(f.asOf)}</td>
                <td>{[f.origin?.name, f.destination?.name].filter(Boolean).join(' → ') || '—'}</td>
                <td>{f.source.title}</td>
                <td className="quote">{f.quote ?? <em>no quote</em>}</td>
                <td>{f.updatedBy?.name ?? '—'}, {f.updatedAt.toISOString().slice(0, 16).replace('T', ' ')}</td>
              </tr>
            ))}
          </tbody>
        </table></div>
      )}
      <p className="muted">
        {total} figure{total === 1 ? '' : 's'}.{' '}
        {page > 1 && <a href={`/admin/figures?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page - 1) })}`}>Previous</a>}{' '}
        {page * 50 < total && <a href={`/admin/figures?${new URLSearchParams({ ...(status ? { status } : {}), page: String(page + 1) })}`}>Next</a>}
      </p>
    </section>
  );
}
