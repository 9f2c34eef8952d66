import { AdminList } from '@/components/admin/AdminList';
import { NewRecordForm, recordOutcome, type RecordOutcomeFlags } from '@/components/admin/NewRecordForm';
import { PLACE_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAdminPlaces } from '@/lib/places/adminPlaces';
import { saveRecordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Places — Corridor admin' };

export default async function PlacesPage({ searchParams }: { searchParams: Promise<RecordOutcomeFlags> }) {
  await requirePageActor('editReferenceData', '/admin/places');
  const [places, flags] = await Promise.all([listAdminPlaces(), searchParams]);
  return (
    <AdminList
      title="Places" status={recordOutcome(flags, 'place')} rows={places}
      headers={['ID', 'Name', 'Type', 'Code', 'Parent', 'Figures', 'Status']}
      cells={(p) => (
        <>
          <td>{p.id}</td>
          <td><a href={`/admin/places/${p.id}`}>{p.name}</a></td>
          <td>{p.type.toLowerCase()}</td>
          <td>{p.code ?? '—'}</td>
          <td>{p.parent?.name ?? '—'}</td>
          <td>{p._count.originOf + p._count.destinationOf}</td>
          <td>{p.retiredAt ? 'retracted' : 'active'}</td>
        </>
      )}
    >
      <NewRecordForm recordType="place" fields={PLACE_FIELDS} initial={{ type: 'CITY' }} save={saveRecordAction} />
    </AdminList>
  );
}
