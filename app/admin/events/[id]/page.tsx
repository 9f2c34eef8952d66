import { RecordEditor } from '@/components/admin/RecordEditor';
import { EVENT_FIELDS } from '@/components/admin/recordFields';
import { requirePageRecord } from '@/lib/auth/pageGuard';
import { getEventForEdit } from '@/lib/events/adminEvents';
import { mergeRecordAction, retractRecordAction, saveRecordAction } from '../../actions';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';

const day = (d: Date | null) => (d ? toDay(d) : '');

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { record: event } = await requirePageRecord('editReferenceData', '/admin/events', params, getEventForEdit);
  const initial = { title: event.title, date: day(event.date), endDate: day(event.endDate), description: event.description ?? '', placeId: event.placeId ? String(event.placeId) : '', sourceId: event.sourceId ? String(event.sourceId) : '' };
  return (
    <section>
      <h1>Event {event.id} ({event.status.toLowerCase()})</h1>
      <RecordEditor recordType="event" id={event.id} version={event.version} fields={EVENT_FIELDS} initial={initial} retracted={event.status === 'RETRACTED'} actions={{ save: saveRecordAction, retract: retractRecordAction, merge: mergeRecordAction }} />
    </section>
  );
}
