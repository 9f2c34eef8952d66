import { RecordEditor } from '@/components/admin/RecordEditor';
import { PLACE_FIELDS } from '@/components/admin/recordFields';
import { requirePageRecord } from '@/lib/auth/pageGuard';
import { getPlaceForEdit } from '@/lib/places/adminPlaces';
import { mergeRecordAction, retractRecordAction, saveRecordAction } from '../../actions';

export const dynamic = 'force-dynamic';

export default async function PlacePage({ params }: { params: Promise<{ id: string }> }) {
  const { record: place } = await requirePageRecord('editReferenceData', '/admin/places', params, getPlaceForEdit);
  const initial = { name: place.name, type: place.type, code: place.code ?? '', parentId: place.parentId ? String(place.parentId) : '', aliases: place.aliases.join(', '), latitude: place.latitude?.toString() ?? '', longitude: place.longitude?.toString() ?? '' };
  return (
    <section>
      <h1>Place {place.id}{place.retiredAt ? ' (retracted)' : ''}</h1>
      <RecordEditor
        recordType="place" id={place.id} version={place.version} fields={PLACE_FIELDS} initial={initial} retracted={!!place.retiredAt} actions={{ save: saveRecordAction, retract: retractRecordAction, merge: mergeRecordAction }}
        mergeHint="Figures, events and child places move there; this name becomes an alias."
      />
    </section>
  );
}
