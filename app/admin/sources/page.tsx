import { RecordForm } from '@/components/admin/RecordForm';
import { SOURCE_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAdminSources } from '@/lib/sources/adminSources';
import { saveRecordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sources — Corridor admin' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<{ saved?: string; retracted?: string; merged?: string }> }) {
  await requirePageActor('editReferenceData', '/admin/sources');
  const [sources, flags] = await Promise.all([listAdminSources(), searchParams]);
  return (
    <section>
      <h1>Sources</h1>
      {(flags.saved || flags.retracted || flags.merged) && <p role="status">{flags.saved ? 'Saved.' : flags.retracted ? 'Retracted.' : 'Merged: figures moved to the source that stays.'}</p>}
      <div className="table-wrap">
      <table>
        <thead><tr><th>ID</th><th>Title</th><th>Publisher</th><th>Published</th><th>Figures</th><th>Status</th></tr></thead>
        <tbody>
          {sources.map((s) => (
            <tr key={s.id}>
              <td>{s.id}</td>
              <td><a href={`/admin/sources/${s.id}`}>{s.title}</a>{s.preferred ? ' (preferred)' : ''}</td>
              <td>{s.publisher?.name ?? '—'}</td>
              <td>{s.publishedAt?.toISOString().slice(0, 10) ?? '—'}</td>
              <td>{s._count.figures}</td>
              <td>{s.retiredAt ? 'retracted' : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </table></div>
      <h2>New source</h2>
      <RecordForm action={saveRecordAction} fields={SOURCE_FIELDS} initial={{}} hidden={{ recordType: 'source' }} submitLabel="Create source" />
    </section>
  );
}
