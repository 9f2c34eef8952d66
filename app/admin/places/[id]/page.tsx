import { notFound } from 'next/navigation';
import { RecordForm } from '@/components/admin/RecordForm';
import { PLACE_FIELDS, RETRACT_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getPlaceForEdit } from '@/lib/places/adminPlaces';
import { mergePlaceAction, retractPlaceAction, savePlaceAction } from '../actions';

export const dynamic = 'force-dynamic';

export default async function PlacePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor('editReferenceData', `/admin/places/${id}`);
  const place = /^\d{1,9}$/.test(id) ? await getPlaceForEdit(Number(id)) : null;
  if (!place) notFound();
  const initial = { name: place.name, type: place.type, code: place.code ?? '', parentId: place.parentId ? String(place.parentId) : '', aliases: place.aliases.join(', '), latitude: place.latitude?.toString() ?? '', longitude: place.longitude?.toString() ?? '' };
  return (
    <section>
      <h1>Place {place.id}{place.retiredAt ? ' (retracted)' : ''}</h1>
      <RecordForm action={savePlaceAction} fields={PLACE_FIELDS} initial={initial} hidden={{ id: String(place.id), version: String(place.version) }} submitLabel="Save place" />
      {!place.retiredAt && (
        <>
          <h2>Retract</h2>
          <RecordForm action={retractPlaceAction} fields={RETRACT_FIELDS} initial={{}} hidden={{ id: String(place.id) }} submitLabel="Retract place" />
          <h2>Merge into another place</h2>
          <RecordForm action={mergePlaceAction} fields={[{ name: 'intoId', label: 'ID of the place to keep', type: 'number', hint: 'Figures, events and child places move there; this name becomes an alias.' }]} initial={{}} hidden={{ id: String(place.id) }} submitLabel="Merge place" />
        </>
      )}
    </section>
  );
}
