import { RecordForm } from '@/components/admin/RecordForm';
import { EVENT_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAdminEvents } from '@/lib/events/adminEvents';
import { saveRecordAction } from '../actions';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Events — Corridor admin' };

export default async function EventsPage() {
  await requirePageActor('editReferenceData', '/admin/events');
  const events = await listAdminEvents();
  return (
    <section>
      <h1>Events</h1>
      <div className="table-wrap">
      <table>
        <thead><tr><th>Date</th><th>Title</th><th>Place</th><th>Status</th></tr></thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{e.date.toISOString().slice(0, 10)}{e.endDate ? ` – ${e.endDate.toISOString().slice(0, 10)}` : ''}</td>
              <td><a href={`/admin/events/${e.id}`}>{e.title}</a></td>
              <td>{e.place?.name ?? '—'}</td>
              <td>{e.status.toLowerCase()}</td>
            </tr>
          ))}
        </tbody>
      </table></div>
      <h2>New event</h2>
      <RecordForm action={saveRecordAction} fields={EVENT_FIELDS} initial={{}} hidden={{ recordType: 'event' }} submitLabel="Create event" />
    </section>
  );
}
