import { AdminList } from '@/components/admin/AdminList';
import { NewRecordForm, recordOutcome, type RecordOutcomeFlags } from '@/components/admin/NewRecordForm';
import { EVENT_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { listAdminEvents } from '@/lib/events/adminEvents';
import { saveRecordAction } from '../actions';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Events — Corridor admin' };

export default async function EventsPage({ searchParams }: { searchParams: Promise<RecordOutcomeFlags> }) {
  await requirePageActor('editReferenceData', '/admin/events');
  const [events, flags] = await Promise.all([listAdminEvents(), searchParams]);
  return (
    <AdminList
      title="Events" status={recordOutcome(flags, 'event')} rows={events}
      headers={['Date', 'Title', 'Place', 'Status']}
      cells={(e) => (
        <>
          <td>{toDay(e.date)}{e.endDate ? ` – ${toDay(e.endDate)}` : ''}</td>
          <td><a href={`/admin/events/${e.id}`}>{e.title}</a></td>
          <td>{e.place?.name ?? '—'}</td>
          <td>{e.status.toLowerCase()}</td>
        </>
      )}
    >
      <NewRecordForm recordType="event" fields={EVENT_FIELDS} save={saveRecordAction} />
    </AdminList>
  );
}
