import { FigureForm } from '@/components/admin/FigureForm';
import { PublishPanel, RetractPanel } from '@/components/admin/ReviewPanel';
import { FigureHistory } from '@/components/admin/FigureHistory';
import { requirePageRecord } from '@/lib/auth/pageGuard';
import { canPublishFigure } from '@/lib/auth/permissions';
import { getConfig } from '@/lib/config';
import { figureFormOptions, getFigureForEdit, listFigureHistory } from '@/lib/figures/adminFigures';
import { quoteContainsValue } from '@/lib/figures/figureInput';
import { createPlaceInlineAction } from '../../../places/actions';
import { publishFigureAction, retractFigureAction, saveFigureAction } from '../../actions';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';

const day = (d: Date | null) => (d ? toDay(d) : '');

export default async function EditFigurePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ saved?: string; published?: string; retracted?: string }> }) {
  const { actor, record: figure } = await requirePageRecord('editFigure', '/admin/figures', params, getFigureForEdit, '/edit');
  const [options, history, flags] = await Promise.all([figureFormOptions({ sourceId: figure.sourceId }), listFigureHistory(figure.id), searchParams]);
  const requireReview = getConfig().REQUIRE_REVIEW;
  const initial: Record<string, string> = {
    metricId: String(figure.metricId),
    qualifier: figure.qualifier,
    value: figure.valueAsStated ?? (figure.low === figure.high ? figure.low.toString() : `${figure.low}–${figure.high}`),
    asOf: day(figure.asOf),
    periodStart: day(figure.periodStart),
    periodEnd: day(figure.periodEnd),
    originId: figure.originId ? String(figure.originId) : '',
    destinationId: figure.destinationId ? String(figure.destinationId) : '',
    sourceId: String(figure.sourceId),
    sourceMode: 'existing',
    quote: figure.quote ?? '',
    attribution: figure.attribution ?? '',
    notes: figure.notes ?? '',
  };
  return (
    <section>
      <h1>Figure {figure.id} <span className={`status status-${figure.status.toLowerCase()}`}>{figure.status.toLowerCase()}</span></h1>
      {flags.saved && <p role="status" className="notice notice-success">Saved as version {figure.version}.</p>}
      {flags.published && <p role="status" className="notice notice-success">Published. It now appears on the dashboard. <a href="/admin/review">Back to the review queue</a></p>}
      {flags.retracted && <p role="status" className="notice notice-success">Retracted. It stays in history and exports with status=retracted.</p>}
      {figure.quote && !quoteContainsValue(figure.quote, figure.valueAsStated) && (
        <p className="notice notice-warning" role="note">The quote does not contain the value as stated (“{figure.valueAsStated}”). Check it before publishing.</p>
      )}
      {figure.status === 'RETRACTED' && <p className="notice notice-warning">Retracted: {figure.retractedReason}</p>}
      {figure.status === 'DRAFT' && (
        <PublishPanel
          figureId={figure.id}
          version={figure.version}
          hasQuote={!!figure.quote?.trim()}
          canPublish={canPublishFigure(actor, figure, requireReview)}
          reviewRequired={requireReview}
          lastEditor={figure.updatedBy?.name ?? null}
          publishAction={publishFigureAction}
        />
      )}
      {figure.status !== 'RETRACTED' && (
        <>
          <h2>Edit</h2>
          <FigureForm key={figure.version} options={options} initial={initial} figureId={figure.id} version={figure.version} actions={{ save: saveFigureAction, createPlace: createPlaceInlineAction }} />
        </>
      )}
      <h2>History</h2>
      <FigureHistory revisions={history} />
      {figure.status !== 'RETRACTED' && (
        <section aria-labelledby="danger-heading" className="danger-zone">
          <h2 id="danger-heading">Retract</h2>
          <RetractPanel figureId={figure.id} version={figure.version} retractAction={retractFigureAction} />
        </section>
      )}
    </section>
  );
}
