import { RecordForm } from '@/components/admin/RecordForm';
import { PLACE_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAdminPlaces } from '@/lib/places/adminPlaces';
import { saveRecordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Places — Corridor admin' };

export default async function PlacesPage({ searchParams }: { searchParams: Promise<{ saved?: string; retracted?: string; merged?: string }> }) {
  await requirePageActor('editReferenceData', '/admin/places');
  const [places, flags] = await Promise.all([listAdminPlaces(), searchParams]);
  return (
    <section>
      <h1>Places</h1>
      {(flags.saved || flags.retracted || flags.merged) && <p role="status">{flags.saved ? 'Saved.' : flags.retracted ? 'Retracted.' : 'Merged: figures moved to the place that stays.'}</p>}
      <div className="table-wrap">
      <table>
        <thead><tr><th>ID</th><th>Name</th><th>Type</th><th>Code</th><th>Parent</th><th>Figures</th><th>Status</th></tr></thead>
        <tbody>
          {places.map((p) => (
            <tr key={p.id}>
              <td>{p.id}</td>
              <td><a href={`/admin/places/${p.id}`}>{p.name}</a></td>
              <td>{p.type.toLowerCase()}</td>
              <td>{p.code ?? '—'}</td>
              <td>{p.parent?.name ?? '—'}</td>
              <td>{p._count.originOf + p._count.destinationOf}</td>
              <td>{p.retiredAt ? 'retracted' : 'active'}</td>
            </tr>
          ))}
        </tbody>
      </table></div>
      <h2>New place</h2>
      <RecordForm action={saveRecordAction} fields={PLACE_FIELDS} initial={{ type: 'CITY' }} hidden={{ recordType: 'place' }} submitLabel="Create place" />
    </section>
  );
}
