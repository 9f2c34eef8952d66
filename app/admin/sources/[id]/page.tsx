import { notFound } from 'next/navigation';
import { RecordForm } from '@/components/admin/RecordForm';
import { SOURCE_FIELDS, RETRACT_FIELDS } from '@/components/admin/recordFields';
import { requirePageActor } from '@/lib/auth/pageGuard';
import { getSourceForEdit } from '@/lib/sources/adminSources';
import { mergeSourceAction, retractSourceAction, saveSourceAction } from '../actions';

export const dynamic = 'force-dynamic';

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '';

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requirePageActor('editReferenceData', `/admin/sources/${id}`);
  const source = /^\d{1,9}$/.test(id) ? await getSourceForEdit(Number(id)) : null;
  if (!source) notFound();
  const initial = { title: source.title, url: source.url ?? '', publisher: source.publisher?.name ?? '', publishedAt: day(source.publishedAt), accessedAt: day(source.accessedAt), archiveUrl: source.archiveUrl ?? '', preferred: source.preferred ? 'on' : '' };
  const hidden = { id: String(source.id), version: String(source.version) };
  return (
    <section>
      <h1>Source {source.id}{source.retiredAt ? ' (retracted)' : ''}</h1>
      <p>{source._count.figures} figure(s) cite this source. A source that is still cited is retracted, never deleted.</p>
      <RecordForm action={saveSourceAction} fields={SOURCE_FIELDS} initial={initial} hidden={hidden} submitLabel="Save source" />
      {!source.retiredAt && (
        <>
          <h2>Retract</h2>
          <RecordForm action={retractSourceAction} fields={RETRACT_FIELDS} initial={{}} hidden={{ id: String(source.id) }} submitLabel="Retract source" />
          <h2>Merge into another source</h2>
          <RecordForm action={mergeSourceAction} fields={[{ name: 'intoId', label: 'ID of the source to keep', type: 'number', hint: 'Figures citing this source move there; this one is retracted.' }]} initial={{}} hidden={{ id: String(source.id) }} submitLabel="Merge source" />
        </>
      )}
    </section>
  );
}
