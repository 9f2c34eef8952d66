import { notFound } from 'next/navigation';
import { RecordForm } from '@/components/admin/RecordForm';
import { EVENT_FIELDS, RETRACT_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getEventForEdit } from '@/lib/events/adminEvents';
import { retractEventAction, saveEventAction } from '../actions';

export const dynamic = 'force-dynamic';

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '';

export default async function EventPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor('editReferenceData', `/admin/events/${id}`);
  const event = /^\d{1,9}$/.test(id) ? await getEventForEdit(Number(id)) : null;
  if (!event) notFound();
  const initial = { title: event.title, date: day(event.date), endDate: day(event.endDate), description: event.description ?? '', placeId: event.placeId ? String(event.placeId) : '', sourceId: event.sourceId ? String(event.sourceId) : '' };
  return (
    <section>
      <h1>Event {event.id} ({event.status.toLowerCase()})</h1>
      <RecordForm action={saveEventAction} fields={EVENT_FIELDS} initial={initial} hidden={{ id: String(event.id), version: String(event.version) }} submitLabel="Save event" />
      {event.status !== 'RETRACTED' && (
        <>
          <h2>Retract</h2>
          <RecordForm action={retractEventAction} fields={RETRACT_FIELDS} initial={{}} hidden={{ id: String(event.id) }} submitLabel="Retract event" />
        </>
      )}
    </section>
  );
}
