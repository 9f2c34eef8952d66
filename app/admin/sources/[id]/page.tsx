import { RecordEditor } from '@/components/admin/RecordEditor';
import { SOURCE_FIELDS } from '@/components/admin/recordFields';
import { requirePageRecord } from '@/lib/auth/pageGuard';
import { getSourceForEdit } from '@/lib/sources/adminSources';
import { mergeRecordAction, retractRecordAction, saveRecordAction } from '../../actions';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';

const day = (d: Date | null) => (d ? toDay(d) : '');

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const { record: source } = await requirePageRecord('editReferenceData', '/admin/sources', params, getSourceForEdit);
  const initial = { title: source.title, url: source.url ?? '', publisher: source.publisher?.name ?? '', publishedAt: day(source.publishedAt), accessedAt: day(source.accessedAt), archiveUrl: source.archiveUrl ?? '', preferred: source.preferred ? 'on' : '' };
  return (
    <section>
      <h1>Source {source.id}{source.retiredAt ? ' (retracted)' : ''}</h1>
      <p>{source._count.figures} figure(s) cite this source. A source that is still cited is retracted, never deleted.</p>
      <RecordEditor
        recordType="source" id={source.id} version={source.version} fields={SOURCE_FIELDS} initial={initial} retracted={!!source.retiredAt} actions={{ save: saveRecordAction, retract: retractRecordAction, merge: mergeRecordAction }}
        mergeHint="Figures citing this source move there; this one is retracted."
      />
    </section>
  );
}
