// "Compare with now": what changed in a snapshot's view since it was frozen.
import { VintageBanner } from '@/components/figures/VintageBanner';
import { figureHref } from '@/lib/figures/chartData';
import { formatExact } from '@/lib/figures/formatValue';
import { orNotFound } from '@/lib/http/orNotFound';
import { compareWithNow, MAX_CHANGES } from '@/lib/snapshots/compareWithNow';

export const dynamic = 'force-dynamic';

const value = (v: bigint | null) => (v === null ? '—' : formatExact(v));

export default async function ComparePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { snapshot, points, figures } = await orNotFound(compareWithNow(id));
  const live = new URLSearchParams(snapshot.query);
  return (
    <article>
      <p><a href={`/s/${snapshot.id}`}>← Snapshot {snapshot.id}</a></p>
      <h1>What changed since: {snapshot.title}</h1>
      <VintageBanner vintage={snapshot.vintage} currentHref={snapshot.view === 'chart' ? `/?${live}` : `/figures?${live}`} />
      {points && (
        <section aria-labelledby="points-heading">
          <h2 id="points-heading">Points that changed</h2>
          {points.length === 0 ? (
            <p className="muted">No point of this chart has changed.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Chart points then and now</caption>
                <thead><tr><th scope="col">Date</th><th scope="col">Then</th><th scope="col">Now</th></tr></thead>
                <tbody>
                  {points.map((p) => (
                    <tr key={p.date}><td>{p.date}</td><td className="num">{value(p.then)}</td><td className="num">{value(p.now)}</td></tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading">Figures added, corrected or retracted since</h2>
        {figures.length === 0 ? (
          <p className="muted">No figure in this view has changed.</p>
        ) : (
          <ul>
            {figures.map((f) => (
              <li key={f.id}>
                <strong>{f.change[0].toUpperCase() + f.change.slice(1)}</strong>: {/* Retracted figures are not public; their page as published then is. */}
                <a href={f.change === 'retracted' ? figureHref(f.id, snapshot.vintage) : `/figures/${f.id}#revision-${f.revisionId}`}>figure {f.id}</a> ({f.metric}, as of {f.asOf}) on {f.at}
              </li>
            ))}
          </ul>
        )}
        {figures.length === MAX_CHANGES && <p className="muted">Showing the {MAX_CHANGES} latest changes.</p>}
      </section>
    </article>
  );
}
