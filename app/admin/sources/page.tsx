import { AdminList } from '@/components/admin/AdminList';
import { NewRecordForm, recordOutcome, type RecordOutcomeFlags } from '@/components/admin/NewRecordForm';
import { SOURCE_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAdminSources } from '@/lib/sources/adminSources';
import { saveRecordAction } from '../actions';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Sources — Corridor admin' };

export default async function SourcesPage({ searchParams }: { searchParams: Promise<RecordOutcomeFlags> }) {
  await requirePageActor('editReferenceData', '/admin/sources');
  const [sources, flags] = await Promise.all([listAdminSources(), searchParams]);
  return (
    <AdminList
      title="Sources" status={recordOutcome(flags, 'source')} rows={sources}
      headers={['ID', 'Title', 'Publisher', 'Published', 'Figures', 'Status']}
      cells={(s) => (
        <>
          <td>{s.id}</td>
          <td><a href={`/admin/sources/${s.id}`}>{s.title}</a>{s.preferred ? ' (preferred)' : ''}</td>
          <td>{s.publisher?.name ?? '—'}</td>
          <td>{(s.publishedAt ? toDay(s.publishedAt) : '—')}</td>
          <td>{s._count.figures}</td>
          <td>{s.retiredAt ? 'retracted' : 'active'}</td>
        </>
      )}
    >
      <NewRecordForm recordType="source" fields={SOURCE_FIELDS} save={saveRecordAction} />
    </AdminList>
  );
}
