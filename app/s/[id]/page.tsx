// A snapshot: the frozen view, how to cite it (line, BibTeX, CSL-JSON), the
// embed code, and a link to what changed since.
import { headers } from 'next/headers';
import { ChartPanel } from '@/components/charts/ChartPanel';
import { ClaimCitation } from '@/components/figures/ClaimCitation';
import { VintageBanner } from '@/components/figures/VintageBanner';
import { CopyBlock } from '@/components/snapshots/CopyBlock';
import { iframeCode } from '@/components/snapshots/EmbedCode';
import { emptySeriesMessage, figureHref, toTime } from '@/lib/figures/chartData';
import { formatDay } from '@/lib/figures/formatDay';
import { formatExact, formatStatedValue } from '@/lib/figures/formatValue';
import { orNotFound } from '@/lib/http/orNotFound';
import { publicOrigin } from '@/lib/http/publicOrigin';
import { bibtex, citationLine, cslJson, embedUrl } from '@/lib/snapshots/citation';
import { loadSnapshotView } from '@/lib/snapshots/loadSnapshotView';
import { toDay } from '@/lib/vocabulary';

export const dynamic = 'force-dynamic';

export default async function SnapshotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { snapshot, chart, table } = await orNotFound(loadSnapshotView(id));
  const origin = publicOrigin(await headers());
  const context = { origin, retrieved: toDay() };
  const liveQuery = new URLSearchParams(snapshot.query);
  const liveHref = snapshot.view === 'chart' ? `/?${liveQuery}` : `/figures?${liveQuery}`;
  return (
    <article>
      <h1>{snapshot.title}</h1>
      <p className="muted">Snapshot <code>{snapshot.id}</code> · a permanent, unchanging view</p>
      <VintageBanner vintage={snapshot.vintage} currentHref={liveHref} />
      <p className="page-actions"><a href={`/s/${snapshot.id}/compare`}>Compare with now</a></p>
      {chart && (
        <ChartPanel
          series={chart.series}
          events={chart.events.map((e) => ({ time: toTime(e.date), title: e.title }))}
          domain={[toTime(chart.from), toTime(chart.to)]}
          vintage={snapshot.vintage}
          tableInPage
          emptyMessage={emptySeriesMessage(chart.series.label, null, formatDay(chart.from), formatDay(chart.to))}
        />
      )}
      {table && (
        <>
          {table.figures.length === 0 ? (
            <p className="empty-state">No published figures matched this view at that time.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Figures as published on {snapshot.vintage}</caption>
                <thead><tr><th scope="col">As of</th><th scope="col">Metric</th><th scope="col">Value as stated</th><th scope="col">Exact</th><th scope="col">Citation</th></tr></thead>
                <tbody>
                  {table.figures.map((f) => (
                    <tr key={f.id}>
                      <td><a href={figureHref(f.id, snapshot.vintage)}>{f.asOf}</a></td>
                      <td>{f.metric}</td>
                      <td>{f.valueAsStated ?? formatStatedValue(f)}</td>
                      <td className="num">{formatExact(f.low)}{f.low !== f.high ? `–${formatExact(f.high)}` : ''}</td>
                      <td><ClaimCitation claim={f} /></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {table.more && <p><a href={`/figures?${new URLSearchParams([...liveQuery, ['vintage', snapshot.vintage]])}`}>The full table as published then →</a></p>}
        </>
      )}
      <section aria-labelledby="cite-heading">
        <h2 id="cite-heading">Cite this snapshot</h2>
        <CopyBlock label="Citation" text={citationLine(snapshot, context)} rows={3} />
        <CopyBlock label="BibTeX" text={bibtex(snapshot, context)} rows={10} />
        <CopyBlock label="CSL-JSON" text={cslJson(snapshot, context)} rows={10} />
        <p className="muted">Data: <a href={`/api/v1/snapshots/${snapshot.id}`}>/api/v1/snapshots/{snapshot.id}</a> (JSON; cacheable forever).</p>
      </section>
      {chart && (
        <section aria-labelledby="embed-heading">
          <h2 id="embed-heading">Embed</h2>
          <CopyBlock label="Embed this snapshot (never changes)" text={iframeCode(embedUrl(origin, snapshot.id), snapshot.title)} rows={3} />
          <CopyBlock label="Embed the live chart (follows corrections)" text={iframeCode(`${origin}/embed/${chart.series.metric}?${liveQuery}`, snapshot.title)} rows={3} />
        </section>
      )}
    </article>
  );
}
